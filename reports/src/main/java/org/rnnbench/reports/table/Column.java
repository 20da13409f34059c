package org.rnnbench.reports.table;

/**
 * A table column.
 *
 * @param key    the CSV header, snake_case
 * @param header the Markdown and HTML header
 * @param format how values read in Markdown and HTML
 */
public record Column(String key, String header, Format format) {

    /** A column whose values are numbers (right-aligned). */
    public boolean numeric() {
        return format != Format.TEXT;
    }
}
