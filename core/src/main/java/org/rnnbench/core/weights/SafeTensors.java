package org.rnnbench.core.weights;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;

/**
 * Reads and writes the safetensors format (F32 tensors only): an 8-byte little-endian header length N, N bytes of
 * JSON mapping each name to {@code {"dtype", "shape", "data_offsets": [begin, end]}} (offsets relative to the
 * data section that follows), then the raw little-endian data. {@code "__metadata__"} holds string pairs.
 * A PyTorch state_dict saved with {@code safetensors.torch.save_file} reads here directly.
 *
 * <p>Reading is strict: the header is strict JSON, offsets and dimensions are whole numbers written as such, and
 * the tensors cover the data section exactly, from its first byte to its last, without gaps or overlaps.
 */
public final class SafeTensors {
    /** Headers above this size are refused as corrupt (the format's own limit is 100 MB). */
    static final long MAX_HEADER = 100L << 20;

    private SafeTensors() {
    }

    /**
     * Reads every tensor of a file, in data order.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file and what is wrong when it is malformed
     */
    public static Map<String, Tensor> read(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file.toString());
    }

    /** Parses the bytes of a safetensors file; {@code source} names it in messages. */
    public static Map<String, Tensor> parse(byte[] bytes, String source) {
        if (bytes.length < 8) {
            throw bad(source, "is " + bytes.length + " bytes long, too short for the 8-byte header length");
        }
        long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (headerLength < 2 || headerLength > MAX_HEADER) {
            throw bad(source, "declares a header of " + headerLength
                + " bytes; a safetensors header is 2 to " + MAX_HEADER + " bytes of JSON");
        }
        if (8 + headerLength > bytes.length) {
            throw bad(source, "is truncated: its header needs " + headerLength + " bytes, the file has "
                + (bytes.length - 8) + " after the length");
        }
        String json = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
        JsonObject header;
        try {
            JsonReader reader = new JsonReader(new StringReader(json));
            reader.setStrictness(Strictness.STRICT);
            JsonElement parsed = JsonParser.parseReader(reader);
            if (!parsed.isJsonObject()) {
                throw bad(source, "has a header that is not a JSON object");
            }
            header = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw bad(source, "has a header that is not valid JSON (" + firstLine(e.getMessage()) + ")");
        }
        int dataStart = 8 + (int) headerLength;
        long dataLength = bytes.length - (long) dataStart;
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : header.entrySet()) {
            if (e.getKey().equals("__metadata__")) {
                continue;
            }
            entries.add(entry(source, e.getKey(), e.getValue(), dataLength));
        }
        entries.sort(Comparator.comparingLong(Entry::begin));
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        long previousEnd = 0;
        ByteBuffer data = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (Entry e : entries) {
            if (e.begin < previousEnd) {
                throw bad(source, "has overlapping tensors at '" + e.name + "' (data_offsets begin at " + e.begin
                    + ", the previous tensor ends at " + previousEnd + ")");
            }
            if (e.begin > previousEnd) {
                throw bad(source, "has a gap of " + (e.begin - previousEnd) + " bytes before tensor '" + e.name
                    + "' (data bytes " + previousEnd + " to " + e.begin + " belong to no tensor); the tensors must"
                    + " cover the data section without gaps");
            }
            previousEnd = e.end;
            float[] values = new float[(int) ((e.end - e.begin) / 4)];
            data.position(dataStart + (int) e.begin);
            data.asFloatBuffer().get(values);
            tensors.put(e.name, new Tensor(e.name, e.shape, values));
        }
        if (previousEnd != dataLength) {
            throw bad(source, "has " + (dataLength - previousEnd) + " trailing bytes after the last tensor (the"
                + " tensors end at data byte " + previousEnd + ", the data section has " + dataLength + "); the"
                + " header must describe the data section exactly");
        }
        return tensors;
    }

    private record Entry(String name, int[] shape, long begin, long end) {
    }

    private static Entry entry(String source, String name, JsonElement value, long dataLength) {
        if (!value.isJsonObject()) {
            throw bad(source, "has tensor '" + name + "' whose header entry is not an object");
        }
        JsonObject o = value.getAsJsonObject();
        String dtype = o.has("dtype") && o.get("dtype").isJsonPrimitive() ? o.get("dtype").getAsString() : null;
        if (dtype == null) {
            throw bad(source, "has tensor '" + name + "' without a dtype");
        }
        if (!dtype.equals("F32")) {
            throw bad(source, "has tensor '" + name + "' of dtype " + dtype
                + "; rnnbench reads F32 only (save the state_dict after model.float())");
        }
        int[] shape = intArray(source, name, o.get("shape"), "shape");
        long begin;
        long end;
        JsonElement off = o.get("data_offsets");
        if (off == null || !off.isJsonArray() || off.getAsJsonArray().size() != 2) {
            throw bad(source, "has tensor '" + name + "' without data_offsets [begin, end]");
        }
        BigInteger first = wholeNumber(off.getAsJsonArray().get(0));
        BigInteger second = wholeNumber(off.getAsJsonArray().get(1));
        if (first == null || second == null) {
            throw bad(source, "has tensor '" + name + "' with data_offsets " + off + "; offsets are whole numbers of"
                + " bytes from 0");
        }
        if (first.compareTo(second) > 0) {
            throw bad(source, "has tensor '" + name + "' with data_offsets " + off + " that begin after they end");
        }
        if (second.compareTo(BigInteger.valueOf(dataLength)) > 0) {
            throw bad(source, "is truncated: tensor '" + name + "' ends at data byte " + second + " but the data"
                + " section has " + dataLength + " bytes");
        }
        begin = first.longValueExact();
        end = second.longValueExact();
        long expected = 4 * Tensor.size(shape);
        if (begin < 0 || end < begin || end - begin != expected) {
            throw bad(source, "has tensor '" + name + "' with data_offsets [" + begin + ", " + end + "] for shape "
                + java.util.Arrays.toString(shape) + ", which needs " + expected + " bytes");
        }
        if (end > dataLength) {
            throw bad(source, "is truncated: tensor '" + name + "' ends at data byte " + end + " but the data section"
                + " has " + dataLength + " bytes");
        }
        return new Entry(name, shape, begin, end);
    }

    private static int[] intArray(String source, String name, JsonElement e, String field) {
        if (e == null || !e.isJsonArray()) {
            throw bad(source, "has tensor '" + name + "' without a " + field + " array");
        }
        JsonArray a = e.getAsJsonArray();
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            BigInteger v = wholeNumber(a.get(i));
            if (v == null) {
                throw bad(source, "has tensor '" + name + "' with a " + field + " " + a + " that is not made of whole"
                    + " numbers");
            }
            if (v.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
                throw bad(source, "has tensor '" + name + "' with dimension " + v + " in its " + field);
            }
            out[i] = v.intValueExact();
        }
        return out;
    }

    /** The value of a JSON number written as digits only (no sign, fraction or exponent), null otherwise. */
    private static BigInteger wholeNumber(JsonElement e) {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            return null;
        }
        String text = e.getAsString();
        return text.matches("[0-9]{1,40}") ? new BigInteger(text) : null;
    }

    /**
     * Writes tensors in the given order, atomically (a temporary file renamed into place).
     *
     * @param metadata string pairs for {@code __metadata__}, may be empty
     */
    public static void write(Path file, Collection<Tensor> tensors, Map<String, String> metadata)
        throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, toBytes(tensors, metadata));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The bytes of a safetensors file holding {@code tensors}. */
    public static byte[] toBytes(Collection<Tensor> tensors, Map<String, String> metadata) {
        JsonObject header = new JsonObject();
        if (!metadata.isEmpty()) {
            JsonObject meta = new JsonObject();
            metadata.forEach(meta::addProperty);
            header.add("__metadata__", meta);
        }
        long offset = 0;
        for (Tensor t : tensors) {
            JsonObject o = new JsonObject();
            o.addProperty("dtype", "F32");
            JsonArray shape = new JsonArray();
            for (int d : t.shape()) {
                shape.add(d);
            }
            o.add("shape", shape);
            JsonArray offsets = new JsonArray();
            offsets.add(offset);
            offsets.add(offset + 4L * t.size());
            o.add("data_offsets", offsets);
            header.add(t.name(), o);
            offset += 4L * t.size();
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(8 + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded);
        out.put(json);
        for (int i = json.length; i < padded; i++) {
            out.put((byte) ' ');
        }
        for (Tensor t : tensors) {
            out.asFloatBuffer().put(t.data());
            out.position(out.position() + 4 * t.size());
        }
        return out.array();
    }

    private static IllegalArgumentException bad(String source, String what) {
        return new IllegalArgumentException("safetensors file " + source + " " + what);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "no detail";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
