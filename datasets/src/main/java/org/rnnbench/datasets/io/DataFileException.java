package org.rnnbench.datasets.io;

/** A data file is missing or corrupt; the message is one line naming the file and what is wrong. */
public final class DataFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure of {@code file}: {@code what} says what is wrong. */
    public DataFileException(String file, String what) {
        super(file + ": " + oneLine(what));
    }

    /** A failure of {@code file} caused by {@code cause}. */
    public DataFileException(String file, String what, Throwable cause) {
        super(file + ": " + oneLine(what), cause);
    }

    private static String oneLine(String text) {
        String t = text == null ? "unknown error" : text.strip();
        int newline = t.indexOf('\n');
        return newline < 0 ? t : t.substring(0, newline).strip();
    }
}
