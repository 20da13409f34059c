package org.rnnbench.scratch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

/** The JVM flags the backend asks for are the ones its tests run with, and its versions report them. */
class JvmFlagsTest {
    @Test
    void testsRunWithTheBackendsFlags() {
        var arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        assertTrue(arguments.contains("-XX:-UseTypeSpeculation"),
            "surefire's argLine should carry ScratchBackend.JVM_FLAGS, got " + arguments);
        assertTrue(ScratchBackend.JVM_FLAGS.contains("-XX:-UseTypeSpeculation"));
        assertTrue(ScratchBackend.JVM_FLAGS.contains("--add-modules=jdk.incubator.vector"));
    }

    @Test
    void versionsRecordTypeSpeculation() {
        assertEquals("false", new ScratchBackend().versions().get("type-speculation"));
    }
}
