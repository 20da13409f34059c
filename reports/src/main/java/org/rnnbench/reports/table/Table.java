package org.rnnbench.reports.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A table: an id (used for file names and HTML anchors), a title, a note saying how to read it, columns and rows of
 * typed values. Writers format the values ({@link Format}); CSV keeps them at full precision.
 *
 * <p>A table may be grouped by its first column (the task, say): Markdown and HTML then show one sub-table per
 * distinct value of that column, without the column; CSV keeps one flat table.
 *
 * @param id      id, lower-case with dashes
 * @param title   title
 * @param note    how to read it (may be empty)
 * @param columns columns
 * @param rows    rows, each as long as {@code columns}
 * @param grouped true when the first column groups the rows
 */
public record Table(String id, String title, String note, List<Column> columns, List<List<Object>> rows,
                    boolean grouped) {

    /** Checks that every row fits the columns and copies the lists. */
    public Table {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>();
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("table " + id + ": a row has " + row.size() + " values for "
                    + columns.size() + " columns");
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = List.copyOf(copy);
    }

    /** The distinct values of the first column, in order of appearance; empty when not grouped. */
    public List<String> groups() {
        if (!grouped) {
            return List.of();
        }
        return rows.stream().map(r -> Objects.toString(r.get(0))).distinct().toList();
    }

    /** The rows of one group without the grouping column, as an ungrouped table with id {@code id-group}. */
    public Table group(String value) {
        List<List<Object>> sub = rows.stream().filter(r -> Objects.toString(r.get(0)).equals(value))
            .map(r -> r.subList(1, r.size())).toList();
        return new Table(id + "-" + slug(value), title + ": " + value, note, columns.subList(1, columns.size()), sub,
            false);
    }

    /** {@code text} reduced to letters, digits, dots, dashes and underscores, for file names and HTML ids. */
    public static String slug(String text) {
        return text.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
