package org.rnnbench.harness.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.rnnbench.core.run.RunRecord;
import org.rnnbench.core.run.RunRecordCodec;
import org.rnnbench.harness.Main;
import org.rnnbench.harness.store.JsonLines;
import org.rnnbench.harness.store.RunStore;
import org.rnnbench.harness.testing.Cli;

/**
 * A run killed with kill -9 midway and started again finishes with every unit recorded exactly once and no corrupt
 * line; a partial line left at the end of the file is truncated before anything is appended.
 */
class ResumeAfterKillTest {
    private static final int UNITS = 4 * 3;

    @TempDir
    Path tmp;

    private String[] command(Path out) {
        return new String[] {"run", "--tasks", "adding-T30", "--backends", "scratch", "--hidden", "16", "--seeds",
            "0,1,2", "--steps", "250", "--batch", "8", "--out", out.toString(), "--progress", "lines"};
    }

    @Test
    void aRunKilledMidwayResumesWithEveryUnitExactlyOnce() throws Exception {
        Path out = tmp.resolve("results");
        Process parent = Cli.start(tmp, command(out));
        Path runs = out.resolve(RunStore.FILE);
        while (parent.isAlive() && JsonLines.lines(runs).isEmpty()) {
            Thread.sleep(20);
        }
        List<ProcessHandle> workers = parent.descendants().toList();
        parent.destroyForcibly(); // SIGKILL: no shutdown hook runs
        parent.waitFor();
        assertEquals(137, parent.exitValue(), "the parent was killed, it did not finish: "
            + Files.readString(tmp.resolve("stderr.txt")));
        for (ProcessHandle w : workers) {
            w.onExit().get(60, TimeUnit.SECONDS); // the worker notices its parent is gone and halts
            assertTrue(!w.isAlive());
        }
        int before = JsonLines.lines(runs).size();
        assertTrue(before >= 1 && before < UNITS, "killed midway: " + before + " of " + UNITS + " recorded");

        // what a kill in the middle of a write would leave
        Files.writeString(runs, "{\"id\":\"half a rec", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        Cli.Result again = Cli.run(command(out));
        assertEquals(Main.EXIT_OK, again.code(), again.err());
        assertTrue(again.err().contains(before + " were already done"), again.err());
        List<String> lines = Files.readAllLines(runs, StandardCharsets.UTF_8);
        assertEquals(UNITS, lines.size());
        Set<String> ids = new HashSet<>();
        List<RunRecord> records = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            RunRecord r = RunRecordCodec.fromJson(lines.get(i), runs + ":" + (i + 1));
            records.add(r);
            assertTrue(ids.add(r.id()), "recorded twice: " + r.id());
        }
        assertTrue(Files.readString(runs).endsWith("\n"));
        assertEquals(UNITS + 1, Files.readAllLines(out.resolve("runs.csv")).size());

        Cli.Result third = Cli.run(command(out));
        assertEquals(Main.EXIT_OK, third.code(), third.err());
        assertTrue(third.err().contains("0 unit(s) ran now, " + UNITS + " were already done"), third.err());
        assertEquals(UNITS, JsonLines.lines(runs).size());
    }
}
