package org.gfn4j.api.train;

import java.util.Map;

/** The metrics of one evaluation, keyed by metric name, in evaluation order. */
public record EvaluationRecord(long iteration, long trajectoriesSeen, double wallSeconds, double loss,
                               Map<String, Double> metrics) {
}
