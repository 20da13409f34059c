package org.rnnbench.reports.table;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a table as CSV (RFC 4180, Commons CSV): the column keys as header, one flat table even when grouped,
 * numbers at full precision ({@link Double#toString}), missing values and NaN as empty fields.
 */
public final class CsvTableWriter {
    private CsvTableWriter() {
    }

    /** Writes {@code table} to {@code out}. */
    public static void write(Table table, Writer out) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder()
            .setHeader(table.columns().stream().map(Column::key).toArray(String[]::new))
            .setRecordSeparator("\n").get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (List<Object> row : table.rows()) {
                List<String> fields = new ArrayList<>(row.size());
                for (Object v : row) {
                    fields.add(raw(v));
                }
                printer.printRecord(fields);
            }
        }
    }

    static String raw(Object v) {
        if (v == null || v instanceof Double d && d.isNaN()) {
            return "";
        }
        return v.toString();
    }
}
