package org.rnnbench.reports.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rnnbench.reports.compare.CompareSettings;

/**
 * Parsed command-line arguments: a fixed number of positional arguments and {@code --name value} options from a
 * known set.
 *
 * @param positional the positional arguments
 * @param options    option name to value
 */
record Options(List<String> positional, Map<String, String> options) {

    /**
     * Parses {@code args}.
     *
     * @throws IllegalArgumentException naming the unknown option, the option without a value or the wrong count
     */
    static Options parse(List<String> args, int positionals, List<String> known) {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--")) {
                String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                if (!known.contains(name)) {
                    throw new IllegalArgumentException("unknown option " + name + "; known: "
                        + String.join(", ", known));
                }
                if (a.contains("=")) {
                    options.put(name, a.substring(a.indexOf('=') + 1));
                } else if (i + 1 < args.size()) {
                    options.put(name, args.get(++i));
                } else {
                    throw new IllegalArgumentException("option " + name + " needs a value");
                }
            } else {
                positional.add(a);
            }
        }
        if (positional.size() != positionals) {
            throw new IllegalArgumentException("expected " + positionals + " director"
                + (positionals == 1 ? "y" : "ies") + ", got " + positional.size()
                + (positional.isEmpty() ? "" : " (" + String.join(" ", positional) + ")"));
        }
        return new Options(positional, options);
    }

    /** An option's value. */
    Optional<String> value(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /** A number option, or {@code otherwise}. */
    double number(String name, double otherwise) {
        return value(name).map(v -> {
            try {
                return Double.parseDouble(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " needs a number, got '" + v + "'", e);
            }
        }).orElse(otherwise);
    }

    /** A fraction option given as {@code 0.1} or {@code 10%}, or {@code otherwise}. */
    double fraction(String name, double otherwise) {
        return value(name).map(v -> CompareSettings.parseFraction(name, v)).orElse(otherwise);
    }
}
