package org.rnnbench.harness.cli;

/**
 * A command whose work is a sweep of run units ({@code run}, {@code gradients}): it plans its units from its own
 * options and hands them to {@link SweepTail} with its {@link SweepOptions}. Commands that run a sweep elsewhere
 * (on a cluster, as shards) take the plan and options from here rather than repeating the options.
 */
public interface SweepCommand {

    /**
     * The planned sweep, every option checked.
     *
     * @throws org.rnnbench.harness.UsageException for bad input
     */
    SweepTail.Plan plan();

    /** The shared sweep options. */
    SweepOptions sweepOptions();
}
