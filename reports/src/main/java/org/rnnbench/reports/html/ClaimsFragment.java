package org.rnnbench.reports.html;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Claims section that {@code rnnbench claims} leaves in its results directory as a self-contained HTML fragment
 * (plots inlined as {@code data:} URIs); the page puts it at its top. Absent in other results directories.
 *
 * @param html   the fragment, empty when there is none
 * @param images how many images it holds (the page's self-check counts them)
 */
public record ClaimsFragment(String html, int images) {
    /** The fragment's file name in a results directory. */
    public static final String FILE = "claims-section.html";

    /** The fragment of a results directory, or an empty one. */
    public static ClaimsFragment read(Path resultsDir) {
        Path file = resultsDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return new ClaimsFragment("", 0);
        }
        try {
            String html = Files.readString(file, StandardCharsets.UTF_8);
            return new ClaimsFragment(html, html.split("<img ", -1).length - 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
