package org.rnnbench.datasets.io;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * Reads {@code jsb-chorales-quarter.json}: an object with the splits {@code train}, {@code valid} and {@code test},
 * each a list of chorales; a chorale is a list of quarter-note time steps, a step the list of sounding MIDI pitches
 * (21-108, the piano's keys; an empty list is a rest).
 */
public final class JsbFile {
    /** The shipped file's name. */
    public static final String NAME = "jsb-chorales-quarter.json";
    /** The lowest piano key, A0. */
    public static final int LOWEST_PITCH = 21;
    /** The highest piano key, C8. */
    public static final int HIGHEST_PITCH = 108;
    /** Chorales per split in the shipped file (Boulanger-Lewandowski et al. 2012). */
    public static final int TRAIN = 229;
    /** Validation chorales in the shipped file. */
    public static final int VALID = 76;
    /** Test chorales in the shipped file. */
    public static final int TEST = 77;

    /**
     * The chorales of a file; a chorale is (steps) arrays of sounding pitches.
     *
     * @param train training split
     * @param valid validation split
     * @param test  test split
     */
    public record Chorales(List<int[][]> train, List<int[][]> valid, List<int[][]> test) {
    }

    private JsbFile() {
    }

    /** The shipped file, read once per JVM. */
    public static Chorales load() {
        return DataResources.cached(NAME, Chorales.class,
            () -> read(DataResources.FOLDER + NAME, TRAIN, VALID, TEST));
    }

    /**
     * Reads and checks a chorales file.
     *
     * @param resource absolute class-path path
     * @param train    the number of chorales the train split must have (likewise valid and test)
     * @throws DataFileException naming the file and what is wrong
     */
    public static Chorales read(String resource, int train, int valid, int test) {
        JsonElement root;
        try {
            root = JsonParser.parseString(DataResources.text(resource));
        } catch (JsonParseException e) {
            throw new DataFileException(resource, "is not valid JSON: " + e.getMessage(), e);
        }
        if (!root.isJsonObject()) {
            throw new DataFileException(resource, "the top level is not an object with keys train, valid, test");
        }
        JsonObject splits = root.getAsJsonObject();
        return new Chorales(split(resource, splits, "train", train), split(resource, splits, "valid", valid),
            split(resource, splits, "test", test));
    }

    private static List<int[][]> split(String resource, JsonObject splits, String name, int expected) {
        JsonElement element = splits.get(name);
        if (element == null || !element.isJsonArray()) {
            throw new DataFileException(resource, "has no list of chorales under the key '" + name
                + "'; expected keys train, valid, test");
        }
        JsonArray array = element.getAsJsonArray();
        if (array.size() != expected) {
            throw new DataFileException(resource, name + " has " + array.size() + " chorales, expected " + expected);
        }
        List<int[][]> chorales = new ArrayList<>(array.size());
        for (int c = 0; c < array.size(); c++) {
            String where = name + "[" + c + "]";
            JsonArray steps = list(resource, array.get(c), where, "a chorale (a list of time steps)");
            if (steps.size() < 2) {
                throw new DataFileException(resource, where + " has " + steps.size()
                    + " time step(s); next-step prediction needs at least 2");
            }
            int[][] chorale = new int[steps.size()][];
            for (int t = 0; t < steps.size(); t++) {
                JsonArray pitches = list(resource, steps.get(t), where + "[" + t + "]", "a list of pitches");
                chorale[t] = new int[pitches.size()];
                for (int k = 0; k < pitches.size(); k++) {
                    chorale[t][k] = pitch(resource, pitches.get(k), where + "[" + t + "][" + k + "]");
                    for (int j = 0; j < k; j++) {
                        if (chorale[t][j] == chorale[t][k]) {
                            throw new DataFileException(resource, where + "[" + t + "] lists pitch " + chorale[t][k]
                                + " twice");
                        }
                    }
                }
            }
            chorales.add(chorale);
        }
        return List.copyOf(chorales);
    }

    private static JsonArray list(String resource, JsonElement element, String where, String what) {
        if (element == null || !element.isJsonArray()) {
            throw new DataFileException(resource, where + " is " + element + ", expected " + what);
        }
        return element.getAsJsonArray();
    }

    private static int pitch(String resource, JsonElement element, String where) {
        if (element.isJsonPrimitive()) {
            JsonPrimitive p = element.getAsJsonPrimitive();
            if (p.isNumber()) {
                double v = p.getAsDouble();
                if (v == Math.rint(v) && v >= LOWEST_PITCH && v <= HIGHEST_PITCH) {
                    return (int) v;
                }
            }
        }
        throw new DataFileException(resource, where + " is " + element + ", expected a MIDI pitch "
            + LOWEST_PITCH + "-" + HIGHEST_PITCH);
    }
}
