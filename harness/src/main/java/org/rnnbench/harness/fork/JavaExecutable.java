package org.rnnbench.harness.fork;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rnnbench.harness.UsageException;

/**
 * The {@code java} the backend workers run on: {@code --java PATH}, else the environment variable
 * {@value #VARIABLE}, else the parent's own. PATH is a {@code java} executable or a JDK's home directory. A JVM
 * other than the parent's is asked its version once, so that a wrong path fails before anything runs; the workers
 * need Java 17 or later (the scratch backend's Vector API module). Its feature release goes with it, because a
 * backend's JVM options may depend on it ({@link org.rnnbench.core.backend.Backend#jvmOptions(int)}).
 *
 * @param path    the {@code java} executable
 * @param feature its feature release (17 for Java 17.0.15)
 */
public record JavaExecutable(Path path, int feature) {
    /** Environment variable naming the workers' JVM when {@code --java} is not given. */
    public static final String VARIABLE = "RNNBENCH_JAVA";
    /** The oldest feature release the workers run on. */
    static final int MINIMUM_FEATURE = 17;
    private static final Pattern VERSION = Pattern.compile("version \"(\\d+)(?:[.\"-])");

    /** The parent JVM's own {@code java}. */
    public static JavaExecutable current() {
        return new JavaExecutable(Path.of(System.getProperty("java.home"), "bin", "java"),
            Runtime.version().feature());
    }

    /**
     * The workers' {@code java} for an option value (null when the option was not given).
     *
     * @throws UsageException naming the option, the value and what would be right
     */
    public static JavaExecutable resolve(String option) {
        String source = "--java";
        String text = option;
        if (text == null) {
            text = System.getenv(VARIABLE);
            source = VARIABLE;
        }
        if (text == null || text.isBlank()) {
            return current();
        }
        Path given = Path.of(text.strip());
        Path java = Files.isDirectory(given) ? given.resolve("bin").resolve("java") : given;
        if (!Files.isRegularFile(java) || !Files.isExecutable(java)) {
            throw new UsageException(source + " " + text + ": " + (Files.exists(given) ? "not an executable java"
                : "no such file") + "; give a java executable or a JDK home directory (PATH/bin/java)");
        }
        int feature = feature(java, source + " " + text);
        if (feature < MINIMUM_FEATURE) {
            throw new UsageException(source + " " + text + ": Java " + feature + "; the workers need Java "
                + MINIMUM_FEATURE + " or later");
        }
        return new JavaExecutable(java.toAbsolutePath().normalize(), feature);
    }

    /** The feature release a {@code java -version} reports. */
    static int feature(Path java, String what) {
        try {
            Process p = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new UsageException(what + ": '" + java + " -version' failed; give a working java");
            }
            Matcher m = VERSION.matcher(out);
            if (!m.find()) {
                throw new UsageException(what + ": cannot read a version from '" + java + " -version'");
            }
            int major = Integer.parseInt(m.group(1));
            return major == 1 ? 8 : major;
        } catch (IOException e) {
            throw new UsageException(what + ": cannot start it (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException(what + ": interrupted while asking its version");
        }
    }
}
