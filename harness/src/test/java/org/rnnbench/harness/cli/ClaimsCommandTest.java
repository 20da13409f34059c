package org.rnnbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnbench.harness.Main;
import org.rnnbench.harness.testing.Cli;

/** {@code rnnbench claims}: the listing, and bad input refused before anything runs. */
class ClaimsCommandTest {
    @TempDir
    Path tmp;

    @Test
    void listNamesEveryClaimWithItsSourceAndSetting() {
        Cli.Result r = Cli.run("claims", "--list");
        assertEquals(Main.EXIT_OK, r.code(), r.err());
        assertTrue(r.out().contains("5. Adding problem"), r.out());
        assertTrue(r.out().contains("source: Chung, Gulcehre, Cho & Bengio 2014"), r.out());
        assertTrue(r.out().contains("12. minGRU and minLSTM"), r.out());
    }

    @Test
    void verdictsOnlyRunsNothingAndSaysNotRunForEveryClaimWithoutRecords() throws Exception {
        Path out = tmp.resolve("empty");
        Cli.Result r = Cli.run("claims", "--verdicts-only", "--only", "1,9", "--out", out.toString());
        assertEquals(Main.EXIT_OK, r.code(), r.err());
        assertTrue(r.err().contains("0 units into"), r.err());
        String md = Files.readString(out.resolve("claims.md"));
        assertTrue(md.contains("| 1 | GRUs have fewer parameters") && md.contains("| scratch | **not run** |"), md);
        assertEquals(2, md.lines().filter(l -> l.endsWith("| scratch | **not run** |")).count(), md);
        assertTrue(Files.readString(out.resolve("claims.csv")).lines().skip(1)
            .allMatch(l -> l.contains(",not run,")), "every part not run");
        assertTrue(Files.exists(out.resolve("claims-section.html")));
    }

    @Test
    void badInputIsOneLineAndRunsNothing() {
        Path out = tmp.resolve("claims");
        for (String[] args : new String[][] {
            {"claims", "--seeds", "0,1", "--out", out.toString()},
            {"claims", "--seeds", "0,0,1", "--out", out.toString()},
            {"claims", "--only", "99", "--out", out.toString()},
            {"claims", "--backends", "tensorflow", "--out", out.toString()}}) {
            Cli.Result r = Cli.run(args);
            assertEquals(Main.EXIT_USAGE, r.code(), r.err());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.errLines().get(0).startsWith("rnnbench: "), r.err());
            assertFalse(Files.exists(out.resolve("runs.jsonl")), "nothing may run on bad input");
        }
        assertTrue(Cli.run("claims", "--only", "99").err().contains("known: 1, 2a, 2b, 3"));
        assertTrue(Cli.run("claims", "--seeds", "0,1").err().contains("at least 3 distinct seeds"));
    }
}
