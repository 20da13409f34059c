package org.rnnbench.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The task ids the generic tests run on: every pattern's example and a few small or edge parameters. */
final class AllTasks {
    private AllTasks() {
    }

    /** Every registry example and the extra ids. */
    static Stream<String> ids() {
        List<String> ids = new ArrayList<>();
        for (TaskPattern p : TaskRegistry.patterns()) {
            ids.add(p.example());
        }
        ids.addAll(List.of("adding-T20", "adding-T2", "copy-T1-K3", "parity-T6", "reverse-T3", "sort-T3",
            "shakespeare-char-T1"));
        return ids.stream();
    }
}
