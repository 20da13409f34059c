package org.rnnbench.datasets.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The records of a CSV resource, read with Apache Commons CSV, and number parsing that fails with the file, line
 * and column. Fields never span lines in these files, so record r of a file with a header is on line r + 1.
 */
final class CsvTable {
    private final String resource;
    private final List<CSVRecord> records;
    private final int headerLines;

    private CsvTable(String resource, List<CSVRecord> records, int headerLines) {
        this.resource = resource;
        this.records = records;
        this.headerLines = headerLines;
    }

    /** A table without a header line. */
    static CsvTable withoutHeader(String resource) {
        return parse(resource, CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get(), 0, null);
    }

    /** A table whose first line names exactly {@code columns}, in this order. */
    static CsvTable withHeader(String resource, String... columns) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).get();
        return parse(resource, format, 1, columns);
    }

    private static CsvTable parse(String resource, CSVFormat format, int headerLines, String[] columns) {
        String text = DataResources.text(resource);
        try (CSVParser parser = CSVParser.parse(text, format)) {
            if (columns != null && !parser.getHeaderNames().equals(List.of(columns))) {
                throw new DataFileException(resource, "the header names columns " + parser.getHeaderNames()
                    + ", expected " + List.of(columns));
            }
            return new CsvTable(resource, parser.getRecords(), headerLines);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            if (e instanceof DataFileException d) {
                throw d;
            }
            throw new DataFileException(resource, "is not valid CSV: " + e.getMessage(), e);
        }
    }

    /** The records, in file order. */
    List<CSVRecord> records() {
        return records;
    }

    /** The line of a record in the file, from 1. */
    long line(CSVRecord record) {
        return record.getRecordNumber() + headerLines;
    }

    /** A failure at a record. */
    DataFileException error(CSVRecord record, String what) {
        return new DataFileException(resource, "line " + line(record) + ": " + what);
    }

    /** Requires {@code count} fields in a record, saying what they should be. */
    void requireSize(CSVRecord record, int count, String what) {
        if (record.size() != count) {
            throw error(record, "expected " + count + " comma-separated values (" + what + "), found "
                + record.size());
        }
    }

    /** Field {@code column} as a finite number. */
    double number(CSVRecord record, int column, String name) {
        String text = record.get(column).strip();
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the offending text
        }
        throw error(record, name + " '" + text + "' is not a finite number");
    }

    /** Field {@code column} as a whole number in [lo, hi]. */
    int wholeNumber(CSVRecord record, int column, String name, int lo, int hi) {
        String text = record.get(column).strip();
        int v;
        try {
            v = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw error(record, name + " '" + text + "' is not a whole number");
        }
        if (v < lo || v > hi) {
            throw error(record, name + " " + v + " is outside " + lo + "-" + hi);
        }
        return v;
    }

    /** Requires the number of records. */
    void requireRows(int expected, String what) {
        if (records.size() != expected) {
            throw new DataFileException(resource, "has " + records.size() + " " + what + ", expected " + expected);
        }
    }
}
