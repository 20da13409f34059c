package org.rnnbench.harness.verify;

import java.util.Optional;

import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.Backends;
import org.rnnbench.core.spec.CellType;

/**
 * Backends whose disagreement on a cell is documented and expected, as each backend says of itself
 * ({@link Backend#knownDeviation}): {@code verify} shows their differences, marks them "known", and does not count
 * them towards its exit code.
 */
public final class KnownMismatches {
    private KnownMismatches() {
    }

    /** Why {@code backend} is expected to disagree on {@code cell}, or empty when it is not (or is not registered). */
    public static Optional<String> reason(String backend, CellType cell) {
        return Backends.available().stream().filter(b -> b.id().equals(backend)).findFirst()
            .flatMap(b -> b.knownDeviation(cell));
    }
}
