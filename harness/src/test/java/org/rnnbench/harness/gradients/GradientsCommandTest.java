package org.rnnbench.harness.gradients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.rnnbench.harness.Main;
import org.rnnbench.harness.testing.Cli;

class GradientsCommandTest {
    @TempDir
    Path tmp;

    private static List<CSVRecord> csv(Path file) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
            .parse(new StringReader(Files.readString(file))).getRecords();
    }

    @Test
    void normsAtInitAndAfterTrainingWithFitsPerUnit() throws IOException {
        Path out = tmp.resolve("g");
        Cli.Result r = Cli.run("gradients", "--backends", "scratch", "--cells", "rnn,lstm", "--activations",
            "tanh,relu", "--lengths", "12,40", "--hidden", "8", "--batch", "4", "--steps", "3", "--out",
            out.toString(), "--progress", "none");
        assertEquals(Main.EXIT_OK, r.code(), r.err());
        List<CSVRecord> fits = csv(out.resolve(GradientTables.FITS));
        assertEquals(3 * 2, fits.size(), "rnn-tanh, rnn-relu, lstm at two lengths");
        for (CSVRecord f : fits) {
            assertEquals("OK", f.get("status"));
            assertTrue(Double.isFinite(Double.parseDouble(f.get("rate_init"))), f.toString());
            assertTrue(!f.get("rate_trained").isEmpty(), "three train steps give a second curve");
        }
        List<CSVRecord> norms = csv(out.resolve(GradientTables.NORMS));
        assertEquals(2 * 3 * (12 + 40), norms.size(), "every step at init and after training");
        assertTrue(r.out().contains("rate@init"), r.out());
        assertEquals(7, r.out().lines().filter(l -> !l.isBlank()).count() - 1, r.out());
    }

    @Test
    void aTaskWithoutALengthCannotTakeLengths() {
        Cli.Result r = Cli.run("gradients", "--task", "temporal-order", "--lengths", "10", "--out",
            tmp.resolve("x").toString());
        assertEquals(Main.EXIT_USAGE, r.code());
        assertTrue(r.err().contains("has no {T}"), r.err());
    }
}
