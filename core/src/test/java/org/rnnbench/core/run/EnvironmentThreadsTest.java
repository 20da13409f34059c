package org.rnnbench.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rnnbench.core.backend.NativeSetting;

/** The thread settings an environment records are the ones a backend names, with the values in effect. */
class EnvironmentThreadsTest {

    @Test
    void recordsTheNamedSettingsInEffectAndLeavesOutUnsetOnes() {
        String set = "rnnbench.test.threads.set";
        String unset = "rnnbench.test.threads.unset";
        System.setProperty(set, "3");
        try {
            Environment e = Environment.current(Map.of(), 2, List.of(NativeSetting.property(set, "2"),
                NativeSetting.property(unset, "2"), NativeSetting.environment("PATH", "2")));
            assertEquals(Map.of("backend", "2", set, "3", "PATH", System.getenv("PATH")), e.threads());
        } finally {
            System.clearProperty(set);
        }
    }

    @Test
    void withoutBackendsOnlyTheBackendCountIsRecorded() {
        // core registers no backend: the union of every backend's settings is empty here
        assertEquals(Map.of("backend", "4"), Environment.current(Map.of(), 4).threads());
    }
}
