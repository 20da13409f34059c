package org.rnnbench.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The JVM an environment records names its garbage collector, by the names of the collector's memory managers. */
class EnvironmentCollectorTest {

    @Test
    void eachCollectorIsKnownByItsMemoryManagers() {
        assertEquals("Serial GC", Environment.collector(List.of("Copy", "MarkSweepCompact")));
        assertEquals("G1 GC", Environment.collector(List.of("G1 Young Generation", "G1 Old Generation")));
        assertEquals("Parallel GC", Environment.collector(List.of("PS Scavenge", "PS MarkSweep")));
        assertEquals("ZGC", Environment.collector(List.of("ZGC Cycles", "ZGC Pauses")));
        assertEquals("Shenandoah GC", Environment.collector(List.of("Shenandoah Pauses", "Shenandoah Cycles")));
    }

    @Test
    void anUnknownCollectorKeepsItsManagersNames() {
        assertEquals("Young, Old", Environment.collector(List.of("Young", "Old")));
        assertEquals("no GC named", Environment.collector(List.of()));
    }

    @Test
    void theCurrentJvmIsRecordedWithItsCollector() {
        String expected = Environment.collector(ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(GarbageCollectorMXBean::getName).toList());
        assertEquals(expected, Environment.currentCollector());
        String jvm = Environment.current(Map.of(), 1).jvm();
        assertTrue(jvm.startsWith(System.getProperty("java.vm.name") + " " + System.getProperty("java.version")), jvm);
        assertTrue(jvm.endsWith(" (" + expected + ")"), jvm);
    }
}
