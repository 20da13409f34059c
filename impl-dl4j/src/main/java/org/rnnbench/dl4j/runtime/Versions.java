package org.rnnbench.dl4j.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The versions of DL4J, ND4J's native backend and OpenBLAS actually on the class path, read from the
 * {@code pom.properties} that Maven puts in every jar (so provenance names what ran, not what was meant to).
 */
public final class Versions {
    private static final String[][] ARTIFACTS = {
        {"deeplearning4j", "org.deeplearning4j/deeplearning4j-nn"},
        {"nd4j-native", "org.nd4j/nd4j-native"},
        {"openblas", "org.bytedeco/openblas"},
        {"javacpp", "org.bytedeco/javacpp"},
    };

    private Versions() {
    }

    /** Library name to version, {@code unknown} when a jar carries no pom.properties. */
    public static Map<String, String> all() {
        Map<String, String> versions = new LinkedHashMap<>();
        for (String[] a : ARTIFACTS) {
            versions.put(a[0], of(a[1]));
        }
        return versions;
    }

    private static String of(String groupAndArtifact) {
        String resource = "/META-INF/maven/" + groupAndArtifact + "/pom.properties";
        try (InputStream in = Versions.class.getResourceAsStream(resource)) {
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
