package org.rnnbench.reports.compare;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.TreeMap;

/**
 * The run-to-run noise of a whole backend's step times, as fractions (0.1: about 10%): one for every backend, and
 * optionally its own for some. Backends differ: on a 2-vCPU VM, between two quick runs, djl's units moved together
 * by 2% (root mean square, after the calibration) and dl4j's by 17%.
 *
 * @param fallback  the noise of a backend not named
 * @param byBackend backend id to its noise
 */
public record RunNoise(double fallback, Map<String, Double> byBackend) {

    /** Validates every value and copies the map. */
    public RunNoise {
        check(fallback);
        byBackend.values().forEach(RunNoise::check);
        byBackend = Map.copyOf(byBackend);
    }

    /** The same noise for every backend. */
    public static RunNoise of(double fraction) {
        return new RunNoise(fraction, Map.of());
    }

    /** The noise of {@code backend}. */
    public double of(String backend) {
        return byBackend.getOrDefault(backend, fallback);
    }

    /**
     * Reads {@code 10%}, {@code 0.1}, or a list of {@code backend=fraction} with at most one bare fraction for the
     * rest, e.g. {@code dl4j=20%,djl=5%,10%}; without a bare fraction the rest keep {@code fallback}.
     *
     * @throws IllegalArgumentException naming the option and the part that is wrong
     */
    public static RunNoise parse(String option, String text, double fallback) {
        double rest = fallback;
        boolean restGiven = false;
        Map<String, Double> by = new TreeMap<>();
        for (String part : text.split(",", -1)) {
            String p = part.strip();
            int eq = p.indexOf('=');
            if (eq < 0) {
                if (restGiven) {
                    throw new IllegalArgumentException(option + " " + text + ": two values for the other backends; give"
                        + " at most one bare value, e.g. dl4j=20%,10%");
                }
                rest = fraction(option, text, p);
                restGiven = true;
            } else {
                String backend = p.substring(0, eq).strip();
                if (backend.isEmpty() || by.containsKey(backend)) {
                    throw new IllegalArgumentException(option + " " + text + ": '" + p + "' needs a backend id named"
                        + " once, e.g. dl4j=20%");
                }
                by.put(backend, fraction(option, text, p.substring(eq + 1).strip()));
            }
        }
        return new RunNoise(rest, by);
    }

    private static double fraction(String option, String text, String value) {
        double v = CompareSettings.parseFraction(option, value);
        if (!(v >= 0 && v < 10)) {
            throw new IllegalArgumentException(option + " " + text + ": " + value + " is not a noise in [0, 10) (0.1 or"
                + " 10%)");
        }
        return v;
    }

    private static void check(double v) {
        if (!(v >= 0 && v < 10)) {
            throw new IllegalArgumentException("the run-to-run noise must be in [0, 10) (0.1 = 10%), got " + v);
        }
    }

    /** As the command line takes it, e.g. {@code dl4j=20%,10%}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(byBackend).forEach((b, v) -> sb.append(b).append('=').append(percent(v)).append(','));
        return sb.append(percent(fallback)).toString();
    }

    /** A percentage to three significant digits, without trailing zeros: 15%, 2.5%. */
    private static String percent(double v) {
        return new BigDecimal(v * 100).round(new MathContext(3)).stripTrailingZeros().toPlainString() + "%";
    }
}
