package org.rnnbench.harness;

/**
 * Bad input from the user: an unknown id, an impossible size, a missing or corrupt file, a directory that is not a
 * results directory. {@link Main} prints its message as one line {@code rnnbench: <message>} and exits with
 * {@link Main#EXIT_USAGE}, without a stack trace. The message says what was wrong, the offending value and what
 * would be right.
 */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A one-line message. */
    public UsageException(String message) {
        super(message);
    }

    /** Wraps another exception's message (its first line), e.g. a validation error from core. */
    public static UsageException of(RuntimeException e) {
        return new UsageException(firstLine(e.getMessage()));
    }

    /** The first line of a message, or the placeholder when there is none. */
    public static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no detail";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message.strip() : message.substring(0, nl).strip();
    }
}
