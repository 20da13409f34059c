package org.rnnbench.harness.claims;

import java.util.List;

/**
 * A claim: a sentence from the lecture or a published result, the experiment that tests it and how its verdict
 * is computed from the records.
 *
 * @param id        short id, e.g. {@code 5}
 * @param statement the claim as a sentence
 * @param source    where it comes from
 * @param setting   the experiment's setting, and where it differs from the source's and why
 * @param arms      the configurations it runs
 * @param judge     the statistics and verdicts of its parts, from the records of one backend
 */
public record Claim(String id, String statement, String source, String setting, List<Arm> arms, Judge judge) {

    /** Computes a claim's parts from the evidence of one backend. */
    @FunctionalInterface
    public interface Judge {
        /** The parts, each with its statistic and verdict. */
        List<Part> parts(Evidence evidence);
    }

    /** Copies the list. */
    public Claim {
        arms = List.copyOf(arms);
    }

    /** The claim's outcome on one backend. */
    public Outcome judge(Evidence evidence) {
        return new Outcome(this, evidence.backend(), judge.parts(evidence));
    }
}
