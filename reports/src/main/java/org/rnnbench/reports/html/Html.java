package org.rnnbench.reports.html;

import java.util.List;

import org.rnnbench.reports.table.Column;
import org.rnnbench.reports.table.Table;

/** HTML escaping and tables as HTML. */
public final class Html {
    private Html() {
    }

    /** {@code text} with the five HTML special characters escaped. */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** An ungrouped table as a {@code <table>} with {@code id}, numbers right-aligned. */
    public static String table(Table table) {
        StringBuilder sb = new StringBuilder("<div class=\"scroll\"><table id=\"").append(escape(table.id()))
            .append("\">\n<thead><tr>");
        for (Column c : table.columns()) {
            sb.append("<th").append(c.numeric() ? " class=\"num\"" : "").append('>').append(escape(c.header()))
                .append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (List<Object> row : table.rows()) {
            sb.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                Column c = table.columns().get(i);
                sb.append("<td").append(c.numeric() ? " class=\"num\"" : "").append('>')
                    .append(escape(c.format().text(row.get(i)))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</tbody></table></div>\n").toString();
    }
}
