package org.gfn4j.api.train;

/** What a run is about to do. */
public record RunStart(String environment, String objective, String estimator, long iterations, int batchSize) {
}
