package org.rnnbench.reports.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.rnnbench.reports.Report;
import org.rnnbench.reports.plot.PlotImage;
import org.rnnbench.reports.table.Table;

/**
 * Renders a {@link Report} as one self-contained HTML page, readable offline: inline CSS, every plot as a
 * {@code data:image/png;base64} URI, no reference to anything outside the file. Per task: the results table, the
 * parameters-against-metric and gradient-decay tables, then its plots; after the tasks, the runs that did not end
 * OK and the environment. A results directory of {@code rnnbench claims} adds its Claims section at the top
 * ({@link ClaimsFragment}).
 *
 * <p>The page checks itself: the {@code body} lists the ids of every table it must show
 * ({@code data-expected-tables}) and how many images ({@code data-expected-images}); an inline script records
 * every error event from the start, and on load writes {@code REPORT-CHECK-OK tables=N images=M} into the element
 * {@code #report-check}, or {@code REPORT-CHECK-FAIL} with what is missing. A headless browser's dumped DOM shows
 * which.
 */
public final class HtmlReport {
    /** The marker written into {@code #report-check} when the page loaded completely. */
    public static final String CHECK_OK = "REPORT-CHECK-OK";

    private HtmlReport() {
    }

    /** The page. */
    public static String render(Report report) {
        List<String> tableIds = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        body.append("<h1>rnnbench report</h1>\n<p class=\"note\">").append(report.results().runs().size())
            .append(" runs from ").append(report.results().files().size()).append(" file(s) in ")
            .append(Html.escape(report.results().dir().toString())).append(", ")
            .append(report.summaries().size()).append(" configurations, ").append(report.tasks().size())
            .append(" task(s). Step times drop the first ")
            .append(Math.round(report.warmupFraction() * 100)).append("% of each run's steps as warm-up.</p>\n");
        for (String w : report.results().warnings()) {
            body.append("<p class=\"warning\">").append(Html.escape(w)).append("</p>\n");
        }
        ClaimsFragment claims = ClaimsFragment.read(report.results().dir());
        body.append(claims.html());
        body.append("<nav><ul>\n");
        for (String task : report.tasks()) {
            body.append("<li><a href=\"#task-").append(Html.escape(Table.slug(task))).append("\">")
                .append(Html.escape(task)).append("</a></li>\n");
        }
        for (Table t : report.globalTables()) {
            body.append("<li><a href=\"#").append(Html.escape(t.id())).append("-section\">")
                .append(Html.escape(t.title())).append("</a></li>\n");
        }
        body.append("</ul></nav>\n");
        for (String task : report.tasks()) {
            body.append("<section id=\"task-").append(Html.escape(Table.slug(task))).append("\">\n<h2>")
                .append(Html.escape(task)).append("</h2>\n");
            for (Table t : report.taskTables()) {
                if (!t.groups().contains(task)) {
                    continue;
                }
                Table sub = t.group(task);
                body.append("<h3>").append(Html.escape(t.title())).append("</h3>\n<p class=\"note\">")
                    .append(Html.escape(t.note())).append("</p>\n").append(Html.table(sub));
                tableIds.add(sub.id());
            }
            for (PlotImage p : report.plots()) {
                if (p.task().equals(task)) {
                    body.append(figure(p));
                }
            }
            body.append("</section>\n");
        }
        for (Table t : report.globalTables()) {
            body.append("<section id=\"").append(Html.escape(t.id())).append("-section\">\n<h2>")
                .append(Html.escape(t.title())).append("</h2>\n<p class=\"note\">").append(Html.escape(t.note()))
                .append("</p>\n");
            if (t.grouped()) {
                for (String g : t.groups()) {
                    Table sub = t.group(g);
                    body.append("<h3>").append(Html.escape(g)).append("</h3>\n").append(Html.table(sub));
                    tableIds.add(sub.id());
                }
            } else {
                body.append(Html.table(t));
                tableIds.add(t.id());
            }
            body.append("</section>\n");
        }
        body.append("<p id=\"report-check\" data-status=\"pending\">page check pending</p>\n");
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<title>rnnbench report</title>\n<script>\n" + resource("errors.js") + "</script>\n<style>\n"
            + resource("report.css") + "</style>\n</head>\n<body data-expected-tables=\""
            + Html.escape(String.join(" ", tableIds)) + "\" data-expected-images=\""
            + (report.plots().size() + claims.images()) + "\">\n" + body + "<script>\n" + resource("check.js")
            + "</script>\n</body>\n</html>\n";
    }

    private static String figure(PlotImage p) {
        String id = "plot-" + p.fileName().substring(0, p.fileName().length() - ".png".length());
        return "<figure><img id=\"" + Html.escape(id) + "\" alt=\"" + Html.escape(p.title())
            + "\" width=\"900\" height=\"500\" src=\"data:image/png;base64,"
            + Base64.getEncoder().encodeToString(p.png()) + "\">\n<figcaption>" + Html.escape(p.caption())
            + "</figcaption></figure>\n";
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the reports jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }
}
