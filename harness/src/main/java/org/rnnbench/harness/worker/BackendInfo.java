package org.rnnbench.harness.worker;

import java.util.List;
import java.util.Map;

import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.Backends;
import org.rnnbench.core.backend.NativeSetting;

/**
 * What {@code list} shows of a backend, gathered inside a worker JVM so that the versions are the ones a run
 * records (a backend may see some of its libraries only with the worker's JVM options).
 *
 * @param id             the backend id
 * @param mainId         its main backend's id (its own for a main backend)
 * @param reference      whether others are compared against it first
 * @param description    its one-line description
 * @param versions       its libraries' versions
 * @param jvmOptions     the JVM options it runs with
 * @param threadSettings the native settings a thread count sets, as {@code NAME (environment)} or
 *                       {@code name (property)}
 */
public record BackendInfo(String id, String mainId, boolean reference, String description,
                          Map<String, String> versions, List<String> jvmOptions, List<String> threadSettings) {

    /** The backends of this JVM. */
    public static List<BackendInfo> current() {
        return Backends.available().stream().map(BackendInfo::of).toList();
    }

    /** True for a variant of a main backend. */
    public boolean variant() {
        return !id.equals(mainId);
    }

    private static BackendInfo of(Backend b) {
        return new BackendInfo(b.id(), b.mainId(), b.isReference(), b.description(), b.versions(), b.jvmOptions(),
            b.threadSettings(1).stream().map(BackendInfo::describe).toList());
    }

    private static String describe(NativeSetting s) {
        return s.name() + (s.kind() == NativeSetting.Kind.ENVIRONMENT ? " (environment)" : " (property)");
    }

    /** The list as a job file holds it. */
    public record Listing(List<BackendInfo> backends) {
    }
}
