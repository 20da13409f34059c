package org.rnnbench.harness.claims;

/**
 * One tested statement of a claim, on one backend: a statistic over seeds, its threshold and its verdict.
 *
 * @param name      what is tested, e.g. {@code LSTM at T=100}
 * @param statistic what the numbers are, e.g. {@code test MSE / baseline 1/6}
 * @param estimate  the statistic over seeds (empty when not run)
 * @param threshold the claimed side
 * @param verdict   the verdict
 * @param note      why it did not run, or what else the reader should know; empty for none
 */
public record Part(String name, String statistic, Estimate estimate, Threshold threshold, Verdict verdict,
                   String note) {

    /** A part judged from per-seed values. */
    public static Part judged(String name, String statistic, Threshold threshold, double[] perSeed, String note) {
        Estimate e = Estimate.of(perSeed);
        return new Part(name, statistic, e, threshold, threshold.judge(e), note);
    }

    /** A part whose units have no usable record. */
    public static Part notRun(String name, String statistic, Threshold threshold, String why) {
        return new Part(name, statistic, Estimate.of(), threshold, Verdict.NOT_RUN, why);
    }

    /** The interval as written in the outputs: {@code [low, high]} (a range with an infinite value). */
    public String intervalText() {
        if (verdict == Verdict.NOT_RUN) {
            return "";
        }
        if (!estimate.defined()) {
            return "undefined (n=" + estimate.n() + ")";
        }
        return "[" + Threshold.number(estimate.low()) + ", " + Threshold.number(estimate.high()) + "]"
            + (estimate.isRange() ? " (range)" : "");
    }
}
