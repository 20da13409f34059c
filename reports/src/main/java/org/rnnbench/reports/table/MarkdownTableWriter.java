package org.rnnbench.reports.table;

import java.util.List;

/**
 * Writes tables as GitHub-flavoured Markdown: a {@code ##} heading with the title, the note, then the table (one
 * {@code ###} sub-table per group when grouped), numbers right-aligned and formatted by their column.
 */
public final class MarkdownTableWriter {
    private MarkdownTableWriter() {
    }

    /** The table with its heading and note. */
    public static String section(Table table) {
        StringBuilder sb = new StringBuilder("## ").append(table.title()).append("\n\n");
        if (!table.note().isEmpty()) {
            sb.append(table.note()).append("\n\n");
        }
        if (table.grouped()) {
            for (String g : table.groups()) {
                sb.append("### ").append(g).append("\n\n").append(body(table.group(g))).append('\n');
            }
        } else {
            sb.append(body(table)).append('\n');
        }
        return sb.toString();
    }

    /** The table alone: header, alignment row, rows. */
    public static String body(Table table) {
        StringBuilder sb = new StringBuilder("|");
        for (Column c : table.columns()) {
            sb.append(' ').append(escape(c.header())).append(" |");
        }
        sb.append("\n|");
        for (Column c : table.columns()) {
            sb.append(c.numeric() ? "---:|" : "---|");
        }
        sb.append('\n');
        for (List<Object> row : table.rows()) {
            sb.append('|');
            for (int i = 0; i < row.size(); i++) {
                sb.append(' ').append(escape(table.columns().get(i).format().text(row.get(i)))).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Escapes the characters that would break a Markdown table cell. */
    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
    }
}
