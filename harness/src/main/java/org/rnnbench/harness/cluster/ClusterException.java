package org.rnnbench.harness.cluster;

/** The cluster's commands failed or said something unexpected (an environment failure, exit code 3). */
public final class ClusterException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A failure described in one line. */
    public ClusterException(String message) {
        super(message);
    }
}
