package org.rnnbench.reports.compare;

/**
 * One verdict about one aspect of a unit (a run id) or of a backend.
 *
 * @param subject  the run id, or {@code backend <id>} for a whole backend
 * @param aspect   what was judged
 * @param verdict  the verdict
 * @param ratio    current / baseline for step times, current - baseline for metrics, NaN otherwise
 * @param baseline the baseline's value as text (e.g. {@code 1.23 ms})
 * @param current  the current value as text
 * @param change   the change as text, with its interval where there is one
 * @param evidence what the verdict rests on: the interval or tolerance it was held against
 */
public record Finding(String subject, Aspect aspect, Verdict verdict, double ratio, String baseline, String current,
                      String change, String evidence) {
}
