package org.rnnbench.datasets.base;

import java.util.function.Supplier;

/**
 * A value computed on first use and kept, so that a task can be listed and described without reading its data.
 *
 * @param <T> the value's type
 */
public final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> compute;
    private T value;

    /** A value that {@code compute} makes on the first {@link #get()}. */
    public Lazy(Supplier<T> compute) {
        this.compute = compute;
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            value = compute.get();
        }
        return value;
    }
}
