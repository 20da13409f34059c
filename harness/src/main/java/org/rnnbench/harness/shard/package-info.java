/**
 * Sharding a sweep across machines: the cost model that estimates each unit's seconds, the partition of a plan
 * into N shards (a pure function of the plan, N and the cost model, so that every shard computes the same one
 * without talking to the others), the shard directories below {@code OUT/shards/}, the dry-run table, and the
 * merge of the shards back into one results directory.
 */
package org.rnnbench.harness.shard;
