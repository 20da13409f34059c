package org.rnnbench.harness.claims;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code claims.md} and {@code claims.csv}: every claim's statement, source, setting, and per backend each part's
 * statistic, value, 95% interval over seeds, threshold and verdict, with the claim's verdict.
 */
public final class ClaimsTables {
    /** The Markdown file. */
    public static final String MARKDOWN = "claims.md";
    /** The CSV file. */
    public static final String CSV = "claims.csv";
    static final String CSV_HEADER = "claim,statement,source,setting,backend,claim_verdict,part,statistic,value,"
        + "interval_low,interval_high,seeds,threshold,part_verdict,note";

    private ClaimsTables() {
    }

    /** Writes both files into {@code dir}. */
    public static void write(Path dir, List<Outcome> outcomes, String context) throws IOException {
        Files.writeString(dir.resolve(MARKDOWN), markdown(outcomes, context), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(CSV), csv(outcomes), StandardCharsets.UTF_8);
    }

    /** The CSV text: one row per claim, backend and part. */
    public static String csv(List<Outcome> outcomes) {
        StringBuilder b = new StringBuilder(CSV_HEADER).append('\n');
        for (Outcome o : outcomes) {
            for (Part p : o.parts()) {
                Claim c = o.claim();
                List<String> row = List.of(c.id(), c.statement(), c.source(), c.setting(), o.backend(),
                    o.verdict().text(), p.name(), p.statistic(), Threshold.number(p.estimate().centre()),
                    Threshold.number(p.estimate().low()), Threshold.number(p.estimate().high()),
                    Integer.toString(p.estimate().n()), p.threshold().text(), p.verdict().text(), p.note());
                b.append(String.join(",", row.stream().map(ClaimsTables::cell).toList())).append('\n');
            }
        }
        return b.toString();
    }

    /** The Markdown text: a summary table, the findings, then each claim with its parts per backend. */
    public static String markdown(List<Outcome> outcomes, String context) {
        StringBuilder b = new StringBuilder("# Claims\n\n").append(context).append("\n\n");
        b.append("| claim | statement | backend | verdict |\n|---|---|---|---|\n");
        for (Outcome o : outcomes) {
            b.append("| ").append(o.claim().id()).append(" | ").append(md(o.claim().statement())).append(" | ")
                .append(o.backend()).append(" | **").append(o.verdict().text()).append("** |\n");
        }
        List<String> findings = Findings.of(outcomes);
        b.append("\n## Findings across backends\n\n");
        if (findings.isEmpty()) {
            b.append("No claim's verdict differs between the backends run.\n");
        }
        findings.forEach(f -> b.append("- ").append(f).append('\n'));
        List<String> done = new ArrayList<>();
        for (Outcome o : outcomes) {
            Claim c = o.claim();
            if (!done.contains(c.id())) {
                done.add(c.id());
                b.append("\n## Claim ").append(c.id()).append(": ").append(md(c.statement())).append("\n\n")
                    .append("Source: ").append(md(c.source())).append(". Setting: ").append(md(c.setting()))
                    .append(".\n\n| backend | part | statistic | value | 95% interval | threshold | verdict | note |\n"
                        + "|---|---|---|---|---|---|---|---|\n");
                for (Outcome same : outcomes) {
                    if (same.claim().id().equals(c.id())) {
                        for (Part p : same.parts()) {
                            b.append("| ").append(same.backend()).append(" | ").append(md(p.name())).append(" | ")
                                .append(md(p.statistic())).append(" | ").append(Threshold.number(p.estimate().centre()))
                                .append(" | ").append(p.intervalText()).append(" | ").append(p.threshold().text())
                                .append(" | ").append(p.verdict().text()).append(" | ").append(md(p.note()))
                                .append(" |\n");
                        }
                    }
                }
            }
        }
        return b.toString();
    }

    private static String md(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static String cell(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
