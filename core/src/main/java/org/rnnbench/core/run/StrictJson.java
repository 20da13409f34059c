package org.rnnbench.core.run;

import java.util.regex.Pattern;

/**
 * The check that a run-record line is JSON, with one extension: the bare tokens {@code NaN}, {@code Infinity} and
 * {@code -Infinity} (as Python's json module writes them). Gson's parser is lenient (it takes unquoted strings,
 * single quotes, comments, {@code ;} between values), so every token outside a string is checked here first.
 */
final class StrictJson {
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final Pattern LITERAL = Pattern.compile("true|false|null|NaN|-?Infinity");

    private StrictJson() {
    }

    /**
     * Checks the tokens of one line.
     *
     * @throws IllegalArgumentException naming the first token that JSON does not allow and its column
     */
    static void check(String line) {
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == '"') {
                i = endOfString(line, i);
            } else if ("{}[],: \t".indexOf(c) >= 0) {
                i++;
            } else {
                int start = i;
                while (i < n && "{}[],:\" \t".indexOf(line.charAt(i)) < 0) {
                    i++;
                }
                String token = line.substring(start, i);
                if (!NUMBER.matcher(token).matches() && !LITERAL.matcher(token).matches()) {
                    throw new IllegalArgumentException("'" + shorten(token) + "' at column " + (start + 1)
                        + " is not JSON; strings need double quotes");
                }
            }
        }
    }

    /** The index after the string that opens at {@code open}. */
    private static int endOfString(String line, int open) {
        for (int i = open + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i + 1;
            } else if (c < 0x20) {
                throw new IllegalArgumentException("a control character inside the string at column " + (open + 1)
                    + " is not JSON");
            }
        }
        throw new IllegalArgumentException("the string at column " + (open + 1) + " is not closed");
    }

    private static String shorten(String token) {
        return token.length() <= 40 ? token : token.substring(0, 40) + "...";
    }
}
