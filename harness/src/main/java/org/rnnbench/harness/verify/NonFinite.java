package org.rnnbench.harness.verify;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import org.rnnbench.core.weights.Tensor;

/**
 * Counts of NaN and infinite values per tensor of a probe. Two backends that both return NaN agree with each
 * other element by element, so agreement alone cannot pass them: {@link VerifyReport} fails any backend with a
 * non-finite output or gradient.
 */
final class NonFinite {
    private NonFinite() {
    }

    /** Tensor name to its number of non-finite values, for the tensors that have any, in probe order. */
    static Map<String, Integer> count(Map<String, Tensor> tensors) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            int n = 0;
            for (float v : e.getValue().data()) {
                if (!Float.isFinite(v)) {
                    n++;
                }
            }
            if (n > 0) {
                out.put(e.getKey(), n);
            }
        }
        return out;
    }

    /** E.g. {@code output 24 of 24, grad/weight_hh_l0 48 of 48}. */
    static String describe(Map<String, Integer> counts, Map<String, Tensor> tensors) {
        StringJoiner j = new StringJoiner(", ");
        counts.forEach((name, n) -> j.add(name + " " + n + " of " + tensors.get(name).size()));
        return j.toString();
    }
}
