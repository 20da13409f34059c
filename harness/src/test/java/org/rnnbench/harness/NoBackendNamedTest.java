package org.rnnbench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.Backends;

/**
 * The harness reaches backends through the core SPI only: no main source imports a backend's package or names a
 * registered backend id in a string, except in a JMH {@code @Param}'s default list (what a benchmark sweeps unless
 * told otherwise); a command's default backends come from the SPI ({@code plan/DefaultBackends}).
 */
class NoBackendNamedTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern DEFAULTS = Pattern.compile("@Param\\(\\{[^}]*\\}\\)");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\n]*", Pattern.DOTALL);

    @Test
    void noMainSourceImportsABackendsPackage() throws IOException {
        List<String> found = new ArrayList<>();
        List<String> packages = productBackends().stream().map(b -> b.getClass().getPackageName()).toList();
        for (Path p : sources()) {
            for (String line : Files.readAllLines(p)) {
                for (String pkg : packages) {
                    if (line.startsWith("import ") && line.contains(pkg + ".")) {
                        found.add(p + ": " + line);
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void noMainSourceNamesABackendIdOutsideJmhParamDefaults() throws IOException {
        List<String> ids = productBackends().stream().map(Backend::id).toList();
        List<String> found = new ArrayList<>();
        for (Path p : sources()) {
            String code = DEFAULTS.matcher(COMMENT.matcher(Files.readString(p)).replaceAll(" ")).replaceAll(" ");
            Matcher m = STRING.matcher(code);
            while (m.find()) {
                for (String word : m.group(1).split("[^a-z0-9:-]+")) {
                    if (ids.contains(word)) {
                        found.add(p.getFileName() + ": \"" + m.group(1) + "\"");
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void theScanSeesTheBackends() {
        // the scans above mean nothing without the product's backends on the test class path
        assertEquals(List.of("scratch", "djl", "dl4j"), Backends.mainIds().subList(0, 3));
    }

    /** The backends of the product: the tests also register the reference and faulty variants of it. */
    private static List<Backend> productBackends() {
        return Backends.available().stream().filter(b -> !b.mainId().equals("reference")).toList();
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(SOURCES)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
