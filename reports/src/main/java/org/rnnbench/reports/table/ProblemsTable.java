package org.rnnbench.reports.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.rnnbench.core.run.RunStatus;
import org.rnnbench.reports.read.LoadedRun;

/** Every run that did not end OK (diverged, unsupported, failed), with its message and where it was read. */
public final class ProblemsTable {
    /** The table id. */
    public static final String ID = "problems";

    private ProblemsTable() {
    }

    /** The table of the runs of {@code runs} that did not end OK; it has no rows when all did. */
    public static Table of(List<LoadedRun> runs) {
        List<List<Object>> rows = new ArrayList<>();
        for (LoadedRun r : runs) {
            if (r.record().status() != RunStatus.OK) {
                rows.add(Arrays.asList(r.params().task(), r.record().id(), r.record().status().name(),
                    r.record().message(), r.source()));
            }
        }
        List<Column> columns = List.of(new Column("task", "task", Format.TEXT), new Column("id", "run", Format.TEXT),
            new Column("status", "status", Format.TEXT), new Column("message", "message", Format.TEXT),
            new Column("source", "file:line", Format.TEXT));
        return new Table(ID, "Runs that did not end OK", "Diverged runs keep their curves up to the divergence;"
            + " their metrics are left out of the means.", columns, rows, false);
    }
}
