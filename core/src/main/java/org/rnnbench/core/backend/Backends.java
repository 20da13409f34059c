package org.rnnbench.core.backend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The backends on the class path, by id. */
public final class Backends {
    private Backends() {
    }

    /** Every backend found, sorted by id. */
    public static List<Backend> available() {
        Map<String, Backend> byId = new LinkedHashMap<>();
        for (Backend b : ServiceLoader.load(Backend.class)) {
            Backend previous = byId.putIfAbsent(b.id(), b);
            if (previous != null) {
                throw new IllegalStateException("two backends claim the id '" + b.id() + "': "
                    + previous.getClass().getName() + " and " + b.getClass().getName());
            }
        }
        List<Backend> list = new ArrayList<>(byId.values());
        list.sort(Comparator.comparing(Backend::id));
        return list;
    }

    /** The main backends found (no variants): the reference first ({@link Backend#isReference}), then by id. */
    public static List<Backend> main() {
        return referenceFirst(available().stream().filter(b -> !b.isVariant()).toList());
    }

    /** The backends in the same order but the reference first. */
    public static List<Backend> referenceFirst(List<Backend> backends) {
        List<Backend> list = new ArrayList<>(backends);
        list.sort(Comparator.comparing((Backend b) -> !b.isReference()));
        return list;
    }

    /** The ids of {@link #main()}. */
    public static List<String> mainIds() {
        return main().stream().map(Backend::id).toList();
    }

    /** The ids found, comma separated. */
    public static String ids() {
        return available().stream().map(Backend::id).collect(Collectors.joining(", "));
    }

    /**
     * The backend of an id.
     *
     * @throws IllegalArgumentException naming the unknown id and the known ones
     */
    public static Backend get(String id) {
        for (Backend b : available()) {
            if (b.id().equals(id)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown backend '" + id + "'; known backends: " + ids());
    }
}
