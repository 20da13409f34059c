package org.rnnbench.harness.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rnnbench.core.data.SequenceTask;
import org.rnnbench.datasets.TaskPattern;
import org.rnnbench.datasets.TaskRegistry;
import org.rnnbench.harness.UsageException;

/** The tasks of the datasets module by id, each made once per process, with user-facing errors. */
public final class TaskCatalog {
    private final Map<String, SequenceTask> tasks = new LinkedHashMap<>();

    /**
     * The task of an id.
     *
     * @throws UsageException for an unknown id or a parameter out of range, naming the known patterns or the range
     */
    public SequenceTask get(String id) {
        SequenceTask task = tasks.get(id);
        if (task == null) {
            try {
                task = TaskRegistry.create(id);
            } catch (IllegalArgumentException e) {
                throw UsageException.of(e);
            }
            tasks.put(id, task);
        }
        return task;
    }

    /** The task id patterns with their parameter ranges, e.g. {@code adding-T{T} (T in 2..100000)}. */
    public static List<TaskPattern> patterns() {
        return TaskRegistry.patterns();
    }
}
