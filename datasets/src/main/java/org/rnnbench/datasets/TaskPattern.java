package org.rnnbench.datasets;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rnnbench.core.data.SequenceTask;

/**
 * A family of tasks with integer parameters, e.g. {@code copy-T{T}-K{K}}: the pattern, what the tasks are, an
 * example id, each parameter's valid range, and the factory.
 *
 * @param pattern     the id with {@code {NAME}} for each parameter, in the order of {@code parameters}
 * @param description one line saying what the tasks are
 * @param example     an id of the pattern
 * @param parameters  the parameters and their valid ranges
 * @param factory     makes the task from the parameter values (in range), in order
 */
public record TaskPattern(String pattern, String description, String example, List<Parameter> parameters,
                          Function<int[], SequenceTask> factory) {

    /**
     * An integer parameter of an id.
     *
     * @param name the name in the pattern, e.g. {@code T}
     * @param min  the smallest valid value
     * @param max  the largest valid value
     */
    public record Parameter(String name, int min, int max) {
    }

    /** Checks that the pattern names the parameters in order and the example matches it. */
    public TaskPattern {
        parameters = List.copyOf(parameters);
        StringBuilder expected = new StringBuilder();
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(pattern);
        while (m.find()) {
            expected.append(m.group(1)).append(' ');
        }
        String names = parameters.stream().map(p -> p.name() + " ").reduce("", String::concat);
        if (!expected.toString().equals(names)) {
            throw new IllegalArgumentException("pattern " + pattern + " names parameters [" + expected.toString().strip()
                + "], the declared ones are [" + names.strip() + "]");
        }
        if (!regex(pattern).matcher(example).matches()) {
            throw new IllegalArgumentException("example " + example + " does not match the pattern " + pattern);
        }
    }

    /** A pattern without parameters: the id itself. */
    public static TaskPattern fixed(String id, String description, Supplier<SequenceTask> task) {
        return new TaskPattern(id, description, id, List.of(), values -> task.get());
    }

    /** The pattern followed by each parameter's range, e.g. {@code adding-T{T} (T in 2..100000)}. */
    public String usage() {
        StringBuilder s = new StringBuilder(pattern);
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            s.append(i == 0 ? " (" : ", ").append(p.name()).append(" in ").append(p.min()).append("..")
                .append(p.max());
        }
        return parameters.isEmpty() ? s.toString() : s.append(')').toString();
    }

    /**
     * The task of {@code id} when it has this pattern's form, empty otherwise.
     *
     * @throws IllegalArgumentException when the form matches but a parameter is out of its range, giving the value
     *                                  and the range
     */
    public Optional<SequenceTask> create(String id) {
        Matcher m = regex(pattern).matcher(id);
        if (!m.matches()) {
            return Optional.empty();
        }
        int[] values = new int[parameters.size()];
        for (int i = 0; i < values.length; i++) {
            Parameter p = parameters.get(i);
            String text = m.group(i + 1);
            long value = text.length() > 10 ? Long.MAX_VALUE : Long.parseLong(text);
            if (value < p.min() || value > p.max()) {
                throw new IllegalArgumentException(id + ": " + p.name() + " must be in [" + p.min() + ", " + p.max()
                    + "], got " + text);
            }
            values[i] = (int) value;
        }
        return Optional.of(factory.apply(values));
    }

    private static Pattern regex(String pattern) {
        StringBuilder regex = new StringBuilder();
        Matcher m = Pattern.compile("\\{\\w+}").matcher(pattern);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(pattern.substring(last, m.start()))).append("(\\d+)");
            last = m.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(pattern.substring(last))).toString());
    }
}
