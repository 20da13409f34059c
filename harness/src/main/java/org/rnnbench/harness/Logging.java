package org.rnnbench.harness;

/**
 * Quiet logging for the frameworks: slf4j-simple at {@code warn} on standard error, unless the user set another
 * level with {@code -Dorg.slf4j.simpleLogger.defaultLogLevel}. Called first thing in every JVM the harness runs,
 * before any framework class loads.
 */
public final class Logging {
    /** slf4j-simple's level property. */
    public static final String LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private Logging() {
    }

    /** Sets the quiet defaults where the user set nothing. */
    public static void quiet() {
        setDefault(LEVEL, "warn");
        setDefault("org.slf4j.simpleLogger.logFile", "System.err");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
