package org.rnnbench.core.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.CellType;

/** Safetensors I/O: round trips, the library's own byte layout, and a clear one-line message for every bad file. */
class SafeTensorsTest {
    @TempDir
    Path dir;

    static Tensor tensor(String name, int[] shape, float... data) {
        return new Tensor(name, shape, data);
    }

    @Test
    void roundTripKeepsNamesShapesValuesAndOrder() throws Exception {
        Path file = dir.resolve("w.safetensors");
        List<Tensor> tensors = List.of(tensor("b", new int[] {2, 2}, 1, -2, 3.5f, Float.MIN_VALUE),
            tensor("a", new int[] {3}, 0, Float.MAX_VALUE, -0f), tensor("scalar", new int[] {}, 42));
        SafeTensors.write(file, tensors, Map.of("format", "pt"));
        Map<String, Tensor> back = SafeTensors.read(file);
        assertEquals(List.of("b", "a", "scalar"), List.copyOf(back.keySet()), "data order");
        for (Tensor t : tensors) {
            assertEquals(t, back.get(t.name()));
        }
        String header = new String(Files.readAllBytes(file), 8, 40, StandardCharsets.UTF_8);
        assertTrue(header.startsWith("{\"__metadata__\":{\"format\":\"pt\"}"), header);
        assertEquals(0, (Files.size(file) - 8 - 4 * 8) % 8, "the header is padded to a multiple of 8");
    }

    @Test
    void writesTheSafetensorsLibrarysOwnBytes() {
        // the byte vector of test_serialization_forced_alignement in the safetensors crate
        byte[] expected = bytes(72, 0, 0, 0, 0, 0, 0, 0, 123, 34, 97, 116, 116, 110, 48, 34, 58, 123, 34, 100, 116,
            121, 112, 101, 34, 58, 34, 70, 51, 50, 34, 44, 34, 115, 104, 97, 112, 101, 34, 58,
            91, 49, 44, 49, 44, 50, 44, 51, 93, 44, 34, 100, 97, 116, 97, 95, 111, 102, 102,
            115, 101, 116, 115, 34, 58, 91, 48, 44, 50, 52, 93, 125, 125, 32, 32, 32, 32, 32,
            32, 32, 0, 0, 0, 0, 0, 0, 128, 63, 0, 0, 0, 64, 0, 0, 64, 64, 0, 0, 128, 64, 0, 0, 160, 64);
        byte[] ours = SafeTensors.toBytes(List.of(tensor("attn0", new int[] {1, 1, 2, 3}, 0, 1, 2, 3, 4, 5)),
            Map.of());
        assertArrayEquals(expected, ours);
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, SafeTensors.parse(expected, "x").get("attn0").data());
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    /** A file of a given header text and data length, with the header length as declared. */
    static byte[] file(long declared, String json, int dataBytes) {
        byte[] h = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(declared).put(h);
        return b.array();
    }

    static byte[] file(String json, int dataBytes) {
        return file(json.getBytes(StandardCharsets.UTF_8).length, json, dataBytes);
    }

    static String entry(String name, String dtype, String shape, long begin, long end) {
        return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape + ",\"data_offsets\":[" + begin
            + "," + end + "]}";
    }

    /** Parses bad bytes, expects one line naming the source and containing {@code problem}. */
    static void rejects(byte[] bytes, String problem) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> SafeTensors.parse(bytes, "bad.safetensors"));
        String m = e.getMessage();
        assertTrue(m.contains("bad.safetensors"), "names the file: " + m);
        assertTrue(m.contains(problem), "says '" + problem + "': " + m);
        assertFalse(m.contains("\n"), "one line: " + m);
    }

    @Test
    void rejectsAFileTooShortForTheHeaderLength() {
        rejects(new byte[5], "too short");
    }

    @Test
    void rejectsAnAbsurdHeaderLength() {
        rejects(file(-1, "{}", 0), "declares a header of -1 bytes");
        rejects(file(SafeTensors.MAX_HEADER + 1, "{}", 0), "declares a header of");
    }

    @Test
    void rejectsAHeaderLongerThanTheFile() {
        rejects(file(500, "{}", 0), "is truncated: its header needs 500 bytes");
    }

    @Test
    void rejectsAHeaderThatIsNotJson() {
        rejects(file("{\"a\":[1,", 0), "not valid JSON");
        rejects(file("[1, 2]", 0), "not a JSON object");
    }

    @Test
    void rejectsAnotherDtype() {
        rejects(file("{" + entry("w", "F16", "[2]", 0, 4) + "}", 4), "dtype F16");
        rejects(file("{\"w\":{\"shape\":[2],\"data_offsets\":[0,8]}}", 8), "without a dtype");
    }

    @Test
    void rejectsTruncatedData() {
        rejects(file("{" + entry("w", "F32", "[4]", 0, 16) + "}", 8), "is truncated: tensor 'w' ends at data byte 16");
    }

    @Test
    void rejectsOverlappingTensors() {
        rejects(file("{" + entry("a", "F32", "[2]", 0, 8) + "," + entry("b", "F32", "[2]", 4, 12) + "}", 12),
            "overlapping tensors at 'b'");
    }

    @Test
    void rejectsOffsetsAbove2To64AndFractionalOffsetsOrShapes() {
        String huge = "18446744073709551624"; // 2^64 + 8, which wraps to 8 in a long
        rejects(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0," + huge + "]}}", 8),
            "ends at data byte " + huge + " but the data section has 8 bytes");
        rejects(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0.5,8.5]}}", 8),
            "data_offsets [0.5,8.5]; offsets are whole numbers of bytes from 0");
        rejects(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[2.5],\"data_offsets\":[0,8]}}", 8),
            "shape [2.5] that is not made of whole numbers");
        rejects(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}}", 8),
            "shape [-2] that is not made of whole numbers");
        rejects(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,0]}}", 8),
            "begin after they end");
    }

    @Test
    void rejectsTrailingBytesAndGapsBetweenTensors() {
        rejects(file("{" + entry("w", "F32", "[2]", 0, 8) + "}", 12),
            "has 4 trailing bytes after the last tensor");
        rejects(file("{" + entry("a", "F32", "[1]", 0, 4) + "," + entry("b", "F32", "[1]", 8, 12) + "}", 12),
            "has a gap of 4 bytes before tensor 'b'");
        rejects(file("{" + entry("a", "F32", "[1]", 4, 8) + "}", 8), "has a gap of 4 bytes before tensor 'a'");
        rejects(file("{}", 4), "has 4 trailing bytes");
    }

    @Test
    void rejectsAHeaderThatIsOnlyLenientJson() {
        rejects(file("{w:{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4), "not valid JSON");
        rejects(file("{\"w\":{'dtype':\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4), "not valid JSON");
    }

    @Test
    void rejectsOffsetsThatDoNotFitTheShape() {
        rejects(file("{" + entry("w", "F32", "[3]", 0, 8) + "}", 12), "which needs 12 bytes");
        rejects(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[2]}}", 8), "without data_offsets");
        rejects(file("{\"w\":{\"dtype\":\"F32\",\"shape\":\"big\",\"data_offsets\":[0,8]}}", 8), "shape");
    }

    @Test
    void aMissingMisshapenOrExtraTensorForASpecIsNamedWithTheFile() throws Exception {
        CellSpec cell = new CellSpec(CellType.GRU, 2, 3, 1);
        ParameterLayout layout = ParameterLayout.of(cell);
        CanonicalWeights w = Initializer.initialize(cell, Init.PYTORCH, 1);

        Path missing = dir.resolve("missing.safetensors");
        SafeTensors.write(missing, w.tensors().stream().filter(t -> !t.name().equals("bias_hh_l0")).toList(),
            Map.of());
        assertMessage(() -> CanonicalWeights.read(missing, layout), "missing.safetensors", "lack tensor 'bias_hh_l0'");

        Path misshapen = dir.resolve("misshapen.safetensors");
        SafeTensors.write(misshapen, w.tensors().stream().map(t -> t.name().equals("weight_hh_l0")
            ? new Tensor(t.name(), new int[] {3, 9}, t.data()) : t).toList(), Map.of());
        assertMessage(() -> CanonicalWeights.read(misshapen, layout), "misshapen.safetensors",
            "'weight_hh_l0' has shape [3, 9] but the model needs [9, 3]");

        Path extra = dir.resolve("extra.safetensors");
        List<Tensor> more = new java.util.ArrayList<>(w.tensors());
        more.add(tensor("weight_ih_l1", new int[] {1}, 0));
        SafeTensors.write(extra, more, Map.of());
        assertMessage(() -> CanonicalWeights.read(extra, layout), "extra.safetensors",
            "tensor 'weight_ih_l1' that the model does not have");

        Path good = dir.resolve("good.safetensors");
        w.write(good);
        assertEquals(w, CanonicalWeights.read(good, layout));
    }

    interface Reader {
        Object read() throws Exception;
    }

    static void assertMessage(Reader reader, String file, String problem) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, reader::read);
        assertTrue(e.getMessage().contains(file) && e.getMessage().contains(problem), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
