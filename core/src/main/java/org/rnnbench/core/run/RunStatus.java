package org.rnnbench.core.run;

/** How a run unit ended. Every status is a result and is recorded. */
public enum RunStatus {
    /** Trained and evaluated. */
    OK,
    /** The loss became NaN or infinite; the curve up to that step is kept. */
    DIVERGED,
    /** The backend cannot run this configuration; the message says why. */
    UNSUPPORTED,
    /** The backend failed; the message says how. */
    FAILED
}
