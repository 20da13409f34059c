package org.rnnbench.scratch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The JVM options the backend asks for are the ones its tests run with, and its versions report them. */
class JvmFlagsTest {
    @Test
    void backendAsksForTheVectorModuleAndNoTypeSpeculation() {
        assertEquals(List.of("--add-modules=jdk.incubator.vector", "-XX:-UseTypeSpeculation"),
            new ScratchBackend().jvmOptions());
    }

    @Test
    void testsRunWithTheBackendsOptions() {
        List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        assertTrue(arguments.contains(ScratchBackend.NO_TYPE_SPECULATION),
            "surefire's argLine should carry the backend's JVM options, got " + arguments);
    }

    @Test
    void versionsRecordTypeSpeculation() {
        assertEquals("false", new ScratchBackend().versions().get("type-speculation"));
    }
}
