package org.rnnbench.harness.worker;

import java.util.List;
import java.util.Map;

import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.Backends;

/**
 * What {@code list} shows of a backend, gathered inside a worker JVM so that the versions are the ones a run
 * records (the scratch backend, for one, sees its vector species only with the worker's JVM flags).
 *
 * @param id          the backend id
 * @param description its one-line description
 * @param versions    its libraries' versions
 */
public record BackendInfo(String id, String description, Map<String, String> versions) {

    /** The backends of this JVM. */
    public static List<BackendInfo> current() {
        return Backends.available().stream().map(BackendInfo::of).toList();
    }

    private static BackendInfo of(Backend b) {
        return new BackendInfo(b.id(), b.description(), b.versions());
    }

    /** The list as a job file holds it. */
    public record Listing(List<BackendInfo> backends) {
    }
}
