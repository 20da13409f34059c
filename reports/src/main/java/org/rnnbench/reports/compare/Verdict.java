package org.rnnbench.reports.compare;

/** What a comparison concluded about one aspect of one unit (or backend). */
public enum Verdict {
    /** Worse beyond the noise and the threshold. */
    REGRESSION,
    /** Better beyond the noise and the threshold. */
    IMPROVEMENT,
    /** Within the noise or the threshold. */
    UNCHANGED,
    /** Not enough data on one side to judge (the finding says what is missing). */
    NOT_COMPARED
}
