package org.rnnbench.harness.claims;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.rnnbench.reports.html.Html;

/**
 * The Claims section of the HTML report as a self-contained fragment: the verdict table, the findings across
 * backends, then each claim with its statement, source, setting, parts and plot (inlined).
 */
public final class ClaimsSection {
    private ClaimsSection() {
    }

    /** The fragment. */
    public static String html(List<Outcome> outcomes, String context) {
        StringBuilder b = new StringBuilder("<section id=\"claims\">\n<h2>Claims</h2>\n<p class=\"note\">")
            .append(Html.escape(context)).append("</p>\n<table id=\"claims-verdicts\"><thead><tr><th>claim</th>"
                + "<th>statement</th><th>backend</th><th>verdict</th></tr></thead><tbody>\n");
        for (Outcome o : outcomes) {
            b.append("<tr><td>").append(Html.escape(o.claim().id())).append("</td><td>")
                .append(Html.escape(o.claim().statement())).append("</td><td>").append(Html.escape(o.backend()))
                .append("</td><td><b>").append(Html.escape(o.verdict().text())).append("</b></td></tr>\n");
        }
        b.append("</tbody></table>\n");
        for (String f : Findings.of(outcomes)) {
            b.append("<p class=\"warning\">Finding: ").append(Html.escape(f)).append("</p>\n");
        }
        List<String> done = new ArrayList<>();
        for (Outcome o : outcomes) {
            Claim c = o.claim();
            if (done.contains(c.id())) {
                continue;
            }
            done.add(c.id());
            List<Outcome> same = outcomes.stream().filter(x -> x.claim().id().equals(c.id())).toList();
            b.append("<h3>Claim ").append(Html.escape(c.id())).append(": ").append(Html.escape(c.statement()))
                .append("</h3>\n<p class=\"note\">Source: ").append(Html.escape(c.source())).append(". Setting: ")
                .append(Html.escape(c.setting())).append(".</p>\n<table><thead><tr><th>backend</th><th>part</th>"
                    + "<th>statistic</th><th>value</th><th>95% interval</th><th>threshold</th><th>verdict</th>"
                    + "<th>note</th></tr></thead><tbody>\n");
            for (Outcome s : same) {
                for (Part p : s.parts()) {
                    b.append("<tr><td>").append(Html.escape(s.backend())).append("</td><td>")
                        .append(Html.escape(p.name())).append("</td><td>").append(Html.escape(p.statistic()))
                        .append("</td><td>").append(Threshold.number(p.estimate().centre())).append("</td><td>")
                        .append(Html.escape(p.intervalText())).append("</td><td>")
                        .append(Html.escape(p.threshold().text())).append("</td><td>")
                        .append(Html.escape(p.verdict().text())).append("</td><td>").append(Html.escape(p.note()))
                        .append("</td></tr>\n");
                }
            }
            byte[] png = ClaimsPlot.png(same);
            b.append("</tbody></table>\n<figure><img id=\"claim-plot-").append(Html.escape(c.id()))
                .append("\" alt=\"claim ").append(Html.escape(c.id())).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\">\n<figcaption>Claim ")
                .append(Html.escape(c.id())).append(": each part's 95% interval over seeds (bar), mean or median"
                    + " (dot), seeds (ticks) and threshold (red), per backend.</figcaption></figure>\n");
        }
        return b.append("</section>\n").toString();
    }
}
