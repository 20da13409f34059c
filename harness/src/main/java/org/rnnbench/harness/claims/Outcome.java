package org.rnnbench.harness.claims;

import java.util.List;

/**
 * A claim's parts and verdict on one backend.
 *
 * @param claim   the claim
 * @param backend the backend id
 * @param parts   its parts, each with a verdict
 */
public record Outcome(Claim claim, String backend, List<Part> parts) {
    /** Copies the list. */
    public Outcome {
        parts = List.copyOf(parts);
    }

    /** The claim's verdict: every part must hold ({@link Verdict#all}). */
    public Verdict verdict() {
        return Verdict.all(parts.stream().map(Part::verdict).toList());
    }
}
