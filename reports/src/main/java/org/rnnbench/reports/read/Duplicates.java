package org.rnnbench.reports.read;

/**
 * What to do when a unit (a run id) appears twice among the records read. A results directory holds each unit
 * once, so reports, comparisons and the run store use {@link #REJECT}: the second line is bad input naming both
 * places. Merging several directories (shards of one sweep) is the one place that may meet a unit twice; it reads
 * with {@link #KEEP_FIRST} or {@link #KEEP_LAST}, or its own rule, and the records left out are listed in
 * {@link Results#warnings()}.
 */
@FunctionalInterface
public interface Duplicates {
    /** A unit twice is an error naming both {@code file:line}s. */
    Duplicates REJECT = (earlier, later) -> {
        throw new ResultsException(message(earlier.record().id(), earlier.source(), later.source()));
    };
    /** The record read first (in path and line order) stays. */
    Duplicates KEEP_FIRST = (earlier, later) -> earlier;
    /** The record read last stays. */
    Duplicates KEEP_LAST = (earlier, later) -> later;

    /**
     * The record to keep of two with the same run id.
     *
     * @param earlier the one read first
     * @param later   the one read after it
     * @throws ResultsException when two records of one unit are an error
     */
    LoadedRun choose(LoadedRun earlier, LoadedRun later);

    /** The one-line message for a unit recorded twice. */
    static String message(String id, String first, String second) {
        return "unit " + id + " is recorded twice, at " + first + " and at " + second + "; a results directory"
            + " holds each unit once; remove one of the two lines";
    }
}
