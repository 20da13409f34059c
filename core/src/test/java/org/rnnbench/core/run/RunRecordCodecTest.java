package org.rnnbench.core.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/** Run records as JSON lines: round trips keep NaN and infinities; a bad line names its file and line. */
class RunRecordCodecTest {

    static RunRecord record() {
        RunParams p = new RunParams("adding-T100", "scratch", "gru", 16, 2, "pytorch", "sgd", 0.1, 1, 0, 8, 3, 5, 1);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("loss", Double.NaN);
        metrics.put("mse", Double.POSITIVE_INFINITY);
        Environment env = new Environment("abc123-dirty", "OpenJDK 17", "Linux 6", "amd64", "cpu", 2,
            Map.of("rnnbench", "0.1.0"), Map.of("backend", "1"));
        return new RunRecord(p.id(), p, RunStatus.DIVERGED, "the loss became NaN at step 2", "dense2", "many-to-one",
            "mse", 1344, 1280, 1.5e6, new double[] {0.5, 0.25, Double.NaN}, new long[] {10, 20, 30}, "mse", false,
            metrics, Map.of("mse", 1.0 / 6), Map.of("mse", 0.17), Double.NaN, -1, Double.NaN,
            new double[] {1, 0.5}, new double[] {Double.NEGATIVE_INFINITY}, env, "2026-11-26T20:00:00Z");
    }

    @Test
    void roundTripKeepsEveryFieldIncludingNan() {
        RunRecord r = record();
        String line = RunRecordCodec.toJson(r);
        assertFalse(line.contains("\n"), "one line");
        assertTrue(line.contains("NaN") && line.contains("Infinity"), line);
        RunRecord back = RunRecordCodec.fromJson(line, "runs.jsonl:1");
        assertEquals(r.id(), back.id());
        assertEquals(r.params(), back.params());
        assertEquals(r.status(), back.status());
        assertArrayEquals(r.losses(), back.losses());
        assertArrayEquals(r.stepNanos(), back.stepNanos());
        assertArrayEquals(r.gradNormsTrained(), back.gradNormsTrained());
        assertEquals(r.metrics(), back.metrics());
        assertTrue(Double.isNaN(back.targetLoss()));
        assertEquals(r.environment(), back.environment());
        assertEquals(line, RunRecordCodec.toJson(back), "a second round trip changes nothing");
    }

    @Test
    void aCorruptLineNamesFileAndLine() {
        String line = RunRecordCodec.toJson(record());
        for (String bad : new String[] {line.substring(0, line.length() / 2), "{\"id\": [1, 2]}", "not json at all",
            "{\"id\":\"x\"}"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunRecordCodec.fromJson(bad, "results/x/runs.jsonl:12"));
            assertTrue(e.getMessage().startsWith("results/x/runs.jsonl:12: "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
            () -> RunRecordCodec.fromJson("", "runs.jsonl:3"));
        assertTrue(empty.getMessage().startsWith("runs.jsonl:3: "), empty.getMessage());
    }

    @Test
    void anUnknownStatusIsNamedWithTheKnownOnes() {
        String line = RunRecordCodec.toJson(record()).replace("\"status\":\"DIVERGED\"", "\"status\":\"MAYBE\"");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> RunRecordCodec.fromJson(line, "runs.jsonl:2"));
        assertEquals("runs.jsonl:2: not a valid run record (run record " + record().id() + " has no status or an"
            + " unknown one; a status is one of [OK, DIVERGED, UNSUPPORTED, FAILED])", e.getMessage());
    }

    static JsonObject tree(RunRecord r) {
        return JsonParser.parseString(RunRecordCodec.toJson(r)).getAsJsonObject();
    }

    static String rejection(String line) {
        return assertThrows(IllegalArgumentException.class, () -> RunRecordCodec.fromJson(line, "runs.jsonl:4"))
            .getMessage();
    }

    @Test
    void aLineStartsWithTheCurrentSchemaVersion() {
        assertTrue(RunRecordCodec.toJson(record()).startsWith("{\"schemaVersion\":" + RunRecordSchema.CURRENT + ","));
    }

    @Test
    void unquotedTokensAreNotJson() {
        String line = RunRecordCodec.toJson(record()).replace("\"status\":\"DIVERGED\"", "\"status\":DIVERGED");
        String message = rejection(line);
        assertTrue(message.startsWith("runs.jsonl:4: not a valid run record ('DIVERGED' at column "), message);
        String unquotedKey = RunRecordCodec.toJson(record()).replace("\"status\":", "status:");
        assertTrue(rejection(unquotedKey).contains("'status' at column"), rejection(unquotedKey));
        for (String other : new String[] {"'x'", "// comment", "1;2", "nan", "0x10", "01"}) {
            String bad = RunRecordCodec.toJson(record()).replace("\"message\":", "\"message\":" + other + ",\"m\":");
            assertTrue(rejection(bad).contains("is not JSON"), other + ": " + rejection(bad));
        }
    }

    @Test
    void everyFieldOfTheVersionIsRequired() {
        for (String field : new String[] {"losses", "stepNanos", "finishedAt", "environment"}) {
            JsonObject o = tree(record());
            o.remove(field);
            String message = rejection(o.toString());
            assertTrue(message.contains("schema version " + RunRecordSchema.CURRENT + " requires " + field), message);
            o.remove(RunRecordSchema.FIELD);
            assertTrue(rejection(o.toString()).contains("schema version 1 requires " + field), rejection(o.toString()));
        }
        JsonObject noCpu = tree(record());
        noCpu.getAsJsonObject("environment").remove("cpu");
        noCpu.getAsJsonObject("params").remove("seed");
        assertTrue(rejection(noCpu.toString()).contains("requires params.seed, environment.cpu, missing here"),
            rejection(noCpu.toString()));
        JsonObject nullLosses = tree(record());
        nullLosses.add("losses", com.google.gson.JsonNull.INSTANCE);
        assertTrue(rejection(nullLosses.toString()).contains("requires losses"), rejection(nullLosses.toString()));
    }

    @Test
    void aVersionOneLineWithEveryFieldStillReads() {
        JsonObject o = tree(record());
        o.remove(RunRecordSchema.FIELD);
        RunRecord back = RunRecordCodec.fromJson(o.toString(), "old.jsonl:1");
        assertEquals(record().id(), back.id());
        assertArrayEquals(record().losses(), back.losses());
    }

    @Test
    void aVersionTwoLineWithoutSchedulerStillReads() {
        JsonObject o = tree(record());
        o.getAsJsonObject("environment").remove("scheduler");
        o.add(RunRecordSchema.FIELD, JsonParser.parseString("2"));
        RunRecord back = RunRecordCodec.fromJson(o.toString(), "v2.jsonl:1");
        assertEquals(java.util.Map.of(), back.environment().scheduler());
        assertTrue(rejection(tree(record()).toString().replace("\"scheduler\"", "\"schedulerX\""))
            .contains("schema version " + RunRecordSchema.CURRENT + " requires environment.scheduler"));
    }

    @Test
    void aVersionThreeLineWithoutCalibrationStillReads() {
        JsonObject o = tree(record());
        o.getAsJsonObject("environment").remove("calibration");
        o.add(RunRecordSchema.FIELD, JsonParser.parseString("3"));
        assertEquals(java.util.Map.of(), RunRecordCodec.fromJson(o.toString(), "v3.jsonl:1").environment()
            .calibration());
        o.add(RunRecordSchema.FIELD, JsonParser.parseString("4"));
        assertTrue(rejection(o.toString()).contains("schema version 4 requires environment.calibration"),
            rejection(o.toString()));
    }

    @Test
    void anUnknownSchemaVersionIsRefused() {
        for (String v : new String[] {Integer.toString(RunRecordSchema.CURRENT + 1), "0", "\"2\"", "2.5"}) {
            JsonObject o = tree(record());
            o.add(RunRecordSchema.FIELD, JsonParser.parseString(v));
            assertTrue(rejection(o.toString()).contains("schemaVersion " + v.replace("\"", "") + " is not one this"
                + " rnnbench reads (1 to " + RunRecordSchema.CURRENT + ")") || rejection(o.toString()).contains("schemaVersion " + v + " is not"),
                rejection(o.toString()));
        }
    }

    @Test
    void theCurrentVersionRequiresEveryComponentOfTheRecordAndItsParts() {
        java.util.List<String> current = RunRecordSchema.required(RunRecordSchema.CURRENT);
        for (java.lang.reflect.RecordComponent c : Environment.class.getRecordComponents()) {
            assertTrue(current.contains("environment." + c.getName()), c.getName());
        }
        for (java.lang.reflect.RecordComponent c : RunParams.class.getRecordComponents()) {
            assertTrue(current.contains("params." + c.getName()), c.getName());
        }
        assertTrue(current.containsAll(RunRecordSchema.required(1)), "later versions only add fields");
        assertTrue(current.contains("environment.scheduler") && current.contains("environment.calibration"));
        assertEquals(RunRecordSchema.required(1), RunRecordSchema.required(2));
        assertEquals(RunRecordSchema.required(3).size() + 1, current.size(), "version 4 adds the calibration");
        assertThrows(IllegalArgumentException.class, () -> RunRecordSchema.required(RunRecordSchema.CURRENT + 1));
    }
}
