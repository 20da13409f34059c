package org.rnnbench.reports.read;

/**
 * Bad input to a report or a comparison: a missing directory, no run records, a corrupt line. The message is one
 * line and names the offending file (and line, when there is one); command lines print it and exit with 2.
 */
public final class ResultsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure with a one-line message. */
    public ResultsException(String message) {
        super(message);
    }

    /** A failure with a one-line message and its cause. */
    public ResultsException(String message, Throwable cause) {
        super(message, cause);
    }
}
