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

    /** A second backend claiming the reference's id. */
    public static final class Impostor implements Backend {
        @Override
        public String id() {
            return ReferenceBackend.ID;
        }

        @Override
        public String description() {
            return "claims an id that is taken";
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
}
