package org.gfn4j.runtime.training;

import org.gfn4j.api.estimator.GradientOracle;
import org.gfn4j.api.objective.TrajectoryBatch;

/**
 * A sampled batch re-scored by the current policy: the per-trajectory quantities the objective
 * reads, and back-propagation of any Σ_i c_i log p_F(τ_i) to the network's parameters. The discrete
 * ({@link ScoredBatch}) and the continuous ({@link ContinuousScoredBatch}) paths both give one, so
 * objectives, estimators and the trainer's update serve both.
 */
public interface TrainingBatch extends GradientOracle {

    TrajectoryBatch batch();

    /**
     * The gradients of a balance loss for every network of the run. By default only the per-trajectory
     * log p_F coefficients reach the policy (no state-flow network, no learned backward policy).
     */
    default BatchGradients gradients(org.gfn4j.api.objective.LossGradient g) {
        return new BatchGradients(parameterGradient(g.dLogPF()), null, null);
    }

    /** ∇_θ Σ_i c_i log p_F(τ_i), flattened like the policy's parameters. */
    float[] parameterGradient(double[] c);

    @Override
    default double[] gradient(double[] c) {
        float[] g = parameterGradient(c);
        double[] out = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            out[i] = g[i];
        }
        return out;
    }
}
