package org.rnnbench.core.backend;

import java.util.Objects;

/**
 * A process setting a backend's native libraries read when they load, with the value a backend asks for: an
 * environment variable (read by OpenMP or a BLAS, which must be set before the JVM starts) or a system property
 * (read by a library when its engine loads, which must be on the JVM's command line). A harness that runs a backend
 * in a JVM of its own applies the backend's settings when it starts that JVM.
 *
 * @param kind  where the setting lives
 * @param name  the variable or property name, e.g. {@code OMP_NUM_THREADS}
 * @param value the value the backend asks for
 */
public record NativeSetting(Kind kind, String name, String value) {

    /** Where a setting lives. */
    public enum Kind {
        /** An environment variable of the process. */
        ENVIRONMENT,
        /** A JVM system property ({@code -Dname=value}). */
        SYSTEM_PROPERTY
    }

    /** Checks the fields. */
    public NativeSetting {
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a native setting needs a name");
        }
        Objects.requireNonNull(value, "value");
    }

    /** An environment variable. */
    public static NativeSetting environment(String name, String value) {
        return new NativeSetting(Kind.ENVIRONMENT, name, value);
    }

    /** A system property. */
    public static NativeSetting property(String name, String value) {
        return new NativeSetting(Kind.SYSTEM_PROPERTY, name, value);
    }

    /** The value this process has for the setting (whatever the backend asks for), or null when it is unset. */
    public String inEffect() {
        return kind == Kind.ENVIRONMENT ? System.getenv(name) : System.getProperty(name);
    }
}
