package org.gfn4j.api.train;

import java.util.Map;

/** The end of a run: final metrics and how long it took. */
public record RunSummary(long iterations, long trajectoriesSeen, double wallSeconds, Map<String, Double> finalMetrics) {
}
