package org.rnnbench.core.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnbench.core.data.Sequences;
import org.rnnbench.core.spec.CellSpec;
import org.rnnbench.core.spec.ModelSpec;
import org.rnnbench.core.spec.TrainSpec;
import org.rnnbench.core.testkit.ReferenceBackend;
import org.rnnbench.core.weights.CanonicalWeights;

/**
 * Backend lookup through ServiceLoader. Core registers no backend (the reference is deliberately not registered),
 * so these tests register some through a class loader of their own, set as the thread's context class loader.
 */
class BackendsTest {
    @TempDir
    Path dir;

    /** A backend that runs nothing, of the id its subclass gives. */
    abstract static class Nothing implements Backend {
        @Override
        public String description() {
            return "runs nothing";
        }

        @Override
        public Map<String, String> versions() {
            return Map.of();
        }

        @Override
        public Optional<String> unsupportedReason(ModelSpec model, TrainSpec train) {
            return Optional.of("it runs nothing at all");
        }

        @Override
        public SequenceModel create(ModelSpec model, TrainSpec train, int threads) {
            throw new IllegalArgumentException("it runs nothing at all");
        }

        @Override
        public StackProbe probeStack(CellSpec cell, CanonicalWeights weights, Sequences input) {
            throw new IllegalArgumentException("it runs nothing at all");
        }
    }

    /** A second backend claiming the reference's id. */
    public static final class Impostor extends Nothing {
        @Override
        public String id() {
            return ReferenceBackend.ID;
        }
    }

    /** A variant of the reference. */
    public static final class Twin extends Nothing {
        @Override
        public String id() {
            return ReferenceBackend.ID + ":twin";
        }
    }

    <T> T withServices(Callable<T> body, Class<?>... providers) throws Exception {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        StringBuilder lines = new StringBuilder();
        for (Class<?> p : providers) {
            lines.append(p.getName()).append('\n');
        }
        Files.writeString(services.resolve(Backend.class.getName()), lines);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, previous)) {
            thread.setContextClassLoader(loader);
            return body.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Test
    void anUnknownIdListsTheKnownOnes() throws Exception {
        IllegalArgumentException e = withServices(() -> assertThrows(IllegalArgumentException.class,
            () -> Backends.get("nope")), ReferenceBackend.class);
        assertEquals("unknown backend 'nope'; known backends: reference", e.getMessage());
    }

    @Test
    void aKnownIdGivesItsBackend() throws Exception {
        assertInstanceOf(ReferenceBackend.class, withServices(() -> Backends.get("reference"),
            ReferenceBackend.class));
        assertEquals("reference", withServices(Backends::ids, ReferenceBackend.class));
    }

    @Test
    void coreAloneRegistersNoBackend() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Backends.get("scratch"));
        assertTrue(e.getMessage().startsWith("unknown backend 'scratch'; known backends:"), e.getMessage());
    }

    @Test
    void twoBackendsClaimingOneIdAreAnError() throws Exception {
        IllegalStateException e = withServices(() -> assertThrows(IllegalStateException.class, Backends::available),
            ReferenceBackend.class, Impostor.class);
        assertTrue(e.getMessage().contains("two backends claim the id 'reference'"), e.getMessage());
    }

    @Test
    void aVariantBelongsToItsMainBackendAndIsNotMain() throws Exception {
        Backend twin = withServices(() -> Backends.get("reference:twin"), ReferenceBackend.class, Twin.class);
        assertEquals("reference", twin.mainId());
        assertTrue(twin.isVariant());
        assertEquals(java.util.List.of("reference"), withServices(Backends::mainIds, ReferenceBackend.class,
            Twin.class));
        assertEquals("reference, reference:twin", withServices(Backends::ids, ReferenceBackend.class, Twin.class));
    }

    @Test
    void aBackendDescribesNoSettingsDeviationsOrProductsByDefault() {
        Backend twin = new Twin();
        assertTrue(twin.threadSettings(4).isEmpty());
        assertTrue(twin.jvmOptions().isEmpty());
        assertTrue(twin.propertyPrefixes().isEmpty());
        assertTrue(twin.sgemms().isEmpty());
        assertTrue(twin.knownDeviation(org.rnnbench.core.spec.CellType.GRU).isEmpty());
        assertTrue(!twin.isReference());
    }

    @Test
    void aNativeSettingReadsItsKindOfValue() {
        assertEquals(System.getProperty("java.version"), NativeSetting.property("java.version", "x").inEffect());
        assertEquals(System.getenv("PATH"), NativeSetting.environment("PATH", "x").inEffect());
        assertThrows(IllegalArgumentException.class, () -> NativeSetting.environment(" ", "1"));
    }
}
