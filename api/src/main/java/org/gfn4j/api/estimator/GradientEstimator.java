package org.gfn4j.api.estimator;

import org.gfn4j.api.objective.ScoreFunctionTerms;

/**
 * Turns a divergence's score-function terms into per-trajectory coefficients c_i, so that
 * Σ_i c_i ∇ log p_F(τ_i) estimates the divergence's gradient (scale included).
 * Control variates live here: leave-one-out baselines, the score control variate.
 */
public interface GradientEstimator {

    /**
     * @param oracle parameter-space gradients of the same batch, for control variates that need them
     */
    double[] coefficients(ScoreFunctionTerms terms, GradientOracle oracle);

    /** The smallest batch this estimator accepts (2 for leave-one-out). */
    default int minimumBatchSize() {
        return 1;
    }
}
