package org.rnnbench.reports.compare;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.rnnbench.reports.table.Format;

/**
 * The summary of a comparison as GitHub-flavoured Markdown, fit for a CI comment: a headline verdict, the counts,
 * tables of regressions and improvements, the units present on one side only (every one listed), how the verdicts
 * were reached, notes, and every finding folded away in a {@code <details>} block.
 */
final class CompareMarkdown {
    /** Most findings listed in the folded block. */
    static final int MAX_DETAILS = 300;

    private CompareMarkdown() {
    }

    /** A side's directories and record count: {@code `dir` (72 runs)}, or several with "pooled". */
    private static String side(List<Path> dirs, int runs) {
        return dirs.stream().map(d -> "`" + d + "`").collect(Collectors.joining(", ")) + " ("
            + (dirs.size() > 1 ? dirs.size() + " repeated runs pooled, " : "") + runs + " runs)";
    }

    static String render(Comparison c) {
        List<Finding> regressions = c.regressions();
        List<Finding> improvements = c.with(Verdict.IMPROVEMENT);
        StringBuilder sb = new StringBuilder("## rnnbench compare: ")
            .append(regressions.isEmpty() ? "no regression" : regressions.size() + " regression"
                + (regressions.size() == 1 ? "" : "s")).append(" (").append(coverage(c)).append(")\n\n");
        sb.append("Baseline ").append(side(c.baselineDirs(), c.baselineRuns())).append(", current ")
            .append(side(c.currentDirs(), c.currentRuns())).append(".\n\n");
        sb.append("| verdict | findings |\n|---|---:|\n")
            .append("| regressions | ").append(regressions.size()).append(" |\n")
            .append("| improvements | ").append(improvements.size()).append(" |\n")
            .append("| unchanged | ").append(c.with(Verdict.UNCHANGED).size()).append(" |\n")
            .append("| not compared | ").append(c.with(Verdict.NOT_COMPARED).size()).append(" |\n")
            .append("| units only in the baseline | ").append(c.onlyInBaseline().size()).append(" |\n")
            .append("| units only in the current run | ").append(c.onlyInCurrent().size()).append(" |\n\n");
        if (!regressions.isEmpty()) {
            sb.append("### Regressions\n\n").append(table(regressions)).append('\n');
        }
        if (!improvements.isEmpty()) {
            sb.append("### Improvements\n\n").append(table(improvements)).append('\n');
        }
        list(sb, "Only in the baseline", c.onlyInBaseline());
        list(sb, "Only in the current run", c.onlyInCurrent());
        CompareSettings s = c.settings();
        sb.append("### How this was judged\n\n")
            .append("- step time: ratio of the 5th percentiles of the per-step times (first ")
            .append(Format.SIG3.text(s.warmupFraction() * 100)).append("% of each run's steps dropped), the current"
                + " one divided by the unit's machine speed ratio (its GEMM calibration just before and after it); its"
                + " standard error from a bootstrap of the per-step times (").append(s.resamples())
            .append(" resamples) combined with the between-run noise of the backend's units (the root mean square"
                + " spread of its other units' ratios, at least ").append(Format.SIG3.text(s.unitNoise() * 100))
            .append("%, --unit-noise) and the run noise of a whole backend (")
            .append(s.runNoise()).append(", --run-noise); a regression when the ratio is above x")
            .append(Format.FIXED2.text(1 + s.threshold())).append(" and its interval above x1, an improvement when"
                + " below x").append(Format.FIXED2.text(1 / (1 + s.threshold())))
            .append(" and its interval below x1; the intervals of all units together cover 95%. Per backend, the"
                + " Hodges-Lehmann ratio over its configurations with a Wilcoxon signed-rank interval widened by the"
                + " run noise, held against the same rule. The comparison is refused when a backend's calibrations"
                + " differ by more than ")
            .append(Format.SIG3.text(s.machineTolerance() * 100)).append("% (--machine-tolerance).\n")
            .append("- metric: a change counts beyond max(").append(Format.SIG3.text(s.metricSigmas()))
            .append(" x the configuration's seed-to-seed standard deviation in the baseline, ")
            .append(Format.SIG3.text(s.chanceFraction() * 100))
            .append("% of the baseline's distance to chance).\n")
            .append("- status: OK < DIVERGED = UNSUPPORTED < FAILED; more severe is a regression.\n\n");
        if (!c.notes().isEmpty()) {
            sb.append("### Notes\n\n");
            c.notes().forEach(n -> sb.append("- ").append(escape(n)).append('\n'));
            sb.append('\n');
        }
        // unchanged statuses say nothing; the rest is folded away, cut short to stay within a CI comment's size
        List<Finding> shown = c.findings().stream()
            .filter(f -> f.aspect() != Aspect.STATUS || f.verdict() != Verdict.UNCHANGED).toList();
        sb.append("<details><summary>").append(shown.size()).append(" findings (unchanged statuses left out)")
            .append("</summary>\n\n").append(table(shown.subList(0, Math.min(shown.size(), MAX_DETAILS))));
        if (shown.size() > MAX_DETAILS) {
            sb.append("\n").append(shown.size() - MAX_DETAILS).append(" more not shown.\n");
        }
        return sb.append("\n</details>\n").toString();
    }

    /** How many units were compared and, when not all, how many were not and why. */
    static String coverage(Comparison c) {
        int compared = c.baselineRuns() - c.onlyInBaseline().size();
        int not = c.onlyInBaseline().size() + c.onlyInCurrent().size();
        String text = compared + " unit" + (compared == 1 ? "" : "s") + " compared";
        if (not == 0) {
            return text;
        }
        return text + ", " + not + " not: " + c.onlyInBaseline().size() + " only in the baseline, "
            + c.onlyInCurrent().size() + " only in the current run";
    }

    private static void list(StringBuilder sb, String title, List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        sb.append("### ").append(title).append(" (").append(ids.size()).append(")\n\n");
        ids.forEach(id -> sb.append("- `").append(id).append("`\n"));
        sb.append('\n');
    }

    private static String table(List<Finding> findings) {
        StringBuilder sb = new StringBuilder("| unit | aspect | verdict | baseline | current | change | evidence |\n"
            + "|---|---|---|---|---|---|---|\n");
        for (Finding f : findings) {
            sb.append("| `").append(f.subject()).append("` | ").append(f.aspect().label()).append(" | ")
                .append(f.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(" | ")
                .append(escape(f.baseline())).append(" | ").append(escape(f.current())).append(" | ")
                .append(escape(f.change())).append(" | ").append(escape(f.evidence())).append(" |\n");
        }
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
