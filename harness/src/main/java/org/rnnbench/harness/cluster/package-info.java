/**
 * A sharded sweep on a cluster: the Slurm batch scripts (a job array of shards and a merge job that depends on it),
 * their submission and the wait for the merge, and the Kubernetes Indexed Job manifest. The cluster is the
 * scheduler; nothing here queues or distributes work itself. Every shard runs {@code rnnbench run ... --shard env}
 * into its own {@code OUT/shards/<I>/}, and {@code rnnbench merge OUT} puts the shards together.
 */
package org.rnnbench.harness.cluster;
