package org.rnnbench.harness.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import org.rnnbench.core.backend.Backend;
import org.rnnbench.core.backend.NativeSetting;

/**
 * A JMH fork's share of what a backend says of itself ({@link Backend#jvmOptions}, {@link Backend#threadSettings}):
 * JMH cannot give one fork the options of its backend only, nor set environment variables per fork. What a fork can
 * still do before the backend first loads its natives is set system properties, so the backend's {@code -D} options
 * (unless given on the command line) and its thread properties are set here; for the rest a warning on standard
 * error says what to pass when starting the jar.
 */
final class ForkSettings {
    private static final String PROPERTY_OPTION = "-D";

    private ForkSettings() {
    }

    /** Applies {@code backend}'s settings for {@code threads} to this fork, warning about what it cannot apply. */
    static void apply(Backend backend, int threads) {
        List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (String option : backend.jvmOptions()) {
            int eq = option.indexOf('=');
            if (option.startsWith(PROPERTY_OPTION) && eq > 0) {
                String key = option.substring(PROPERTY_OPTION.length(), eq);
                if (System.getProperty(key) == null) {
                    System.setProperty(key, option.substring(eq + 1));
                }
            } else if (!arguments.contains(option)) {
                System.err.println("warning: the " + backend.id() + " backend runs with the JVM option " + option
                    + ", which this fork lacks (run: java -jar benchmarks.jar ... -jvmArgsPrepend " + option + ")");
            }
        }
        List<NativeSetting> variables = new ArrayList<>();
        for (NativeSetting s : backend.threadSettings(threads)) {
            if (s.kind() == NativeSetting.Kind.SYSTEM_PROPERTY) {
                System.setProperty(s.name(), s.value());
            } else {
                variables.add(s);
            }
        }
        // a library reads the first of its variables that is set (OpenBLAS: OPENBLAS_NUM_THREADS, else
        // OMP_NUM_THREADS), so one set to the thread count is enough and one set to another count is wrong
        List<NativeSetting> wrong = variables.stream().filter(v -> v.inEffect() != null
            && !v.value().equals(v.inEffect())).toList();
        boolean noneSet = variables.stream().allMatch(v -> v.inEffect() == null);
        for (NativeSetting v : noneSet && !variables.isEmpty() ? variables.subList(0, 1) : wrong) {
            System.err.println("warning: " + v.name() + " is " + v.inEffect() + ", not " + v.value() + "; the "
                + backend.id() + " backend's libraries read it before the fork starts (run: " + v.name() + "="
                + v.value() + " java -jar benchmarks.jar ...)");
        }
    }
}
