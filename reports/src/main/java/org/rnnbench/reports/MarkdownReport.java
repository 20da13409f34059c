package org.rnnbench.reports;

import org.rnnbench.reports.plot.PlotImage;
import org.rnnbench.reports.table.MarkdownTableWriter;
import org.rnnbench.reports.table.Table;

/** The report as one Markdown file: every table (grouped by task), then every plot as an image link. */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    /**
     * The Markdown text.
     *
     * @param report    the report
     * @param plotsDir  the plots' directory relative to the Markdown file, e.g. {@code plots}
     */
    public static String render(Report report, String plotsDir) {
        StringBuilder sb = new StringBuilder("# rnnbench report\n\n").append(report.results().runs().size())
            .append(" runs from ").append(report.results().dir()).append(", ").append(report.summaries().size())
            .append(" configurations.\n\n");
        for (String w : report.results().warnings()) {
            sb.append("> warning: ").append(w).append("\n\n");
        }
        for (Table t : report.tables()) {
            sb.append(MarkdownTableWriter.section(t));
        }
        sb.append("## Plots\n\n");
        for (PlotImage p : report.plots()) {
            sb.append("### ").append(p.title()).append("\n\n![").append(p.title()).append("](").append(plotsDir)
                .append('/').append(p.fileName()).append(")\n\n").append(p.caption()).append("\n\n");
        }
        return sb.toString();
    }
}
