package org.rnnbench.harness;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The rnnbench version, from the build (the Maven project version). */
public final class Version {
    private static final String VERSION = load();

    private Version() {
    }

    /** The version, e.g. {@code 0.1.0-SNAPSHOT}, or {@code unknown} outside a build. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
