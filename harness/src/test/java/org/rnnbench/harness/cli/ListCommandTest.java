package org.rnnbench.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import org.rnnbench.harness.Main;
import org.rnnbench.harness.testing.Cli;

class ListCommandTest {
    @Test
    void listsBackendsWithVersionsCellsTasksSuitesAndInitialisers() {
        Cli.Result r = Cli.run("list");
        assertEquals(Main.EXIT_OK, r.code(), r.err());
        String out = r.out();
        assertTrue(out.contains("  scratch ") && out.contains("vector-species Species[float"),
            "scratch's vector species as its worker JVM sees it: " + out);
        assertTrue(out.contains("  reference "), out);
        for (String part : new String[] {"rnn-tanh", "gru", "adding-T{T} (T in", "jsb-chorales", "smoke",
            "quick", "full", "orthogonal"}) {
            assertTrue(out.contains(part), part + " missing from: " + out);
        }
    }

    @Test
    void oneSectionAlone() {
        Cli.Result r = Cli.run("list", "cells");
        assertEquals(Main.EXIT_OK, r.code(), r.err());
        assertTrue(r.out().startsWith("cells:"), r.out());
        assertTrue(r.out().contains("min-lstm   3 gate blocks, gates of x only"), r.out());
        assertTrue(!r.out().contains("backends"), r.out());
    }
}
