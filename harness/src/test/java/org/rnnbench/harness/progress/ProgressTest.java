package org.rnnbench.harness.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void theEtaUsesEachBackendsMeasuredRate() {
        Eta eta = new Eta();
        eta.add("fast", 10e9);
        eta.add("fast", 10e9);
        eta.add("slow", 10e9);
        eta.add("slow", 10e9);
        eta.finished("fast", 10e9, 1);  // 10 GFLOP/s
        eta.finished("slow", 10e9, 10); // 1 GFLOP/s
        assertEquals(1 + 10, eta.secondsLeft("", 0), 1e-9);
        assertEquals(0.5 + 10, eta.secondsLeft("fast", 5e9), 1e-9, "half of the fast unit in progress is done");
    }

    @Test
    void anUnmeasuredBackendBorrowsTheMeanRateOrThePrior() {
        Eta eta = new Eta();
        assertEquals(Eta.PRIOR_RATE, eta.rate("x"));
        eta.finished("a", 4e9, 1);
        eta.finished("b", 2e9, 1);
        assertEquals(3e9, eta.rate("x"), 1e-3);
    }

    @Test
    void plainLinesAppearAtMostEveryIntervalAndAtTheEnd() {
        StringWriter text = new StringWriter();
        AtomicLong clock = new AtomicLong();
        try (Progress p = new Progress(new PrintWriter(text), Progress.Mode.LINES, 3, clock::get)) {
            for (int i = 0; i < 3; i++) {
                p.planned("scratch", 1e9);
            }
            for (int i = 0; i < 3; i++) {
                p.started("scratch", "scratch lstm t seed" + i, 1e9);
                clock.addAndGet(i == 1 ? Progress.LINE_INTERVAL_NANOS : 1_000_000_000L);
                p.finished("OK");
            }
        }
        String[] lines = text.toString().split("\n");
        assertEquals(2, lines.length, text.toString());
        assertTrue(lines[0].contains("2/3 units") && lines[0].contains("seed1 OK"), lines[0]);
        assertTrue(lines[1].contains("3/3 units") && lines[1].contains("ETA 0s"), lines[1]);
    }

    @Test
    void durationsReadNaturally() {
        assertEquals("12s", Progress.duration(12.4));
        assertEquals("4m10s", Progress.duration(250));
        assertEquals("1h02m", Progress.duration(3720));
        assertEquals("?", Progress.duration(Double.NaN));
    }

    @Test
    void onATerminalOneBarIsRedrawnInPlaceWithTheEtaAndTheUnitInProgress() {
        StringWriter text = new StringWriter();
        AtomicLong clock = new AtomicLong();
        try (Progress p = new Progress(new PrintWriter(text), Progress.Mode.BAR, 2, clock::get)) {
            p.planned("scratch", 1e9);
            p.planned("scratch", 1e9);
            p.started("scratch", "scratch lstm t seed0", 1e9);
            clock.addAndGet(2_000_000_000L);
            p.finished("OK");
            p.started("scratch", "scratch lstm t seed1", 1e9);
            p.step(1, 2);
        }
        String out = text.toString();
        assertTrue(out.startsWith("\r") && out.endsWith("\n"), out.replace("\r", "<CR>").replace("\n", "<NL>"));
        assertEquals(1, out.split("\n", -1).length - 1, "one line, redrawn with carriage returns: " + out);
        String last = out.substring(out.lastIndexOf('\r') + 1).strip();
        assertTrue(last.contains(" 75% ") && last.contains("1/2 units"), "1.5 of 2 units: " + last);
        assertTrue(last.contains("scratch lstm t seed1 50%"), last);
        assertTrue(last.contains("0:00:01"), "the ETA of Eta: half of a 2 s unit left: " + last);
    }
}
