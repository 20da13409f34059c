package org.rnnbench.harness.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The findings across backends: a claim whose verdict differs between backends is itself a result. */
public final class Findings {
    private Findings() {
    }

    /** One line per claim whose backends disagree, e.g. {@code claim 2a: scratch holds; djl does not hold}. */
    public static List<String> of(List<Outcome> outcomes) {
        Map<String, List<Outcome>> byClaim = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            byClaim.computeIfAbsent(o.claim().id(), k -> new ArrayList<>()).add(o);
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, List<Outcome>> e : byClaim.entrySet()) {
            List<Outcome> ran = e.getValue().stream().filter(o -> o.verdict() != Verdict.NOT_RUN).toList();
            if (ran.stream().map(Outcome::verdict).distinct().count() > 1) {
                lines.add("claim " + e.getKey() + ": the verdict differs between backends: "
                    + ran.stream().map(o -> o.backend() + " " + o.verdict().text()).collect(Collectors.joining("; ")));
            }
        }
        return lines;
    }
}
