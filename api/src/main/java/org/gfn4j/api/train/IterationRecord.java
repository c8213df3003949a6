package org.gfn4j.api.train;

/** One training iteration: plain numbers only, so that logs never hold on to tensors. */
public record IterationRecord(long iteration, long trajectoriesSeen, double loss, double logPartition,
                              double wallSeconds) {
}
