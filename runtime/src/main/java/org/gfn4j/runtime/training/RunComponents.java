package org.gfn4j.runtime.training;

import org.gfn4j.api.env.Environment;
import org.gfn4j.api.estimator.GradientEstimator;
import org.gfn4j.api.objective.Objective;
import org.gfn4j.api.policy.Policy;

/** The plugins a run is built from, with the config names they were chosen by. */
public record RunComponents(Environment<?> environment, String environmentName, Objective objective, String objectiveName,
                            GradientEstimator estimator, String estimatorName, Policy policy) {
}
