package org.rnnbench.reports.compare;

/** What a finding is about. */
public enum Aspect {
    /** How the run ended (OK, diverged, unsupported, failed). */
    STATUS("status"),
    /** Per-step time of one unit. */
    STEP_TIME("step time"),
    /** Per-step time of every configuration of one backend together. */
    BACKEND_STEP_TIME("step time, whole backend"),
    /** The task's primary metric. */
    METRIC("metric");

    private final String label;

    Aspect(String label) {
        this.label = label;
    }

    /** How the summary names it. */
    public String label() {
        return label;
    }
}
