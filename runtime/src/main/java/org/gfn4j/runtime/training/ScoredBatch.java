package org.gfn4j.runtime.training;

import org.gfn4j.api.objective.TrajectoryBatch;
import org.gfn4j.api.policy.Policy;

/**
 * A batch re-scored by the current policy in one forward pass over every visited state: the
 * per-trajectory quantities for the objective, and what is needed to back-propagate any
 * combination Σ_i c_i log p_F(τ_i) through the network (the {@link org.gfn4j.api.estimator.GradientOracle}).
 */
public final class ScoredBatch implements TrainingBatch {
    private final TrajectoryBatch batch;
    private final Policy.Forward forward;
    private final double[] probabilities;
    private final boolean[] masks;
    private final int[] actions;
    private final int[] rowTrajectory;
    private final int width;

    ScoredBatch(TrajectoryBatch batch, Policy.Forward forward, double[] probabilities, boolean[] masks, int[] actions,
                int[] rowTrajectory, int width) {
        this.batch = batch;
        this.forward = forward;
        this.probabilities = probabilities;
        this.masks = masks;
        this.actions = actions;
        this.rowTrajectory = rowTrajectory;
        this.width = width;
    }

    @Override
    public TrajectoryBatch batch() {
        return batch;
    }

    /**
     * ∂/∂logits of Σ_i c_i log p_F(τ_i): row r of trajectory i gets c_i (onehot(a_r) − p_r) on the
     * valid actions and exactly 0 on masked ones.
     */
    float[] logitGradient(double[] c) {
        if (c.length != batch.size()) {
            throw new IllegalArgumentException("need one coefficient per trajectory: " + batch.size() + ", got " + c.length);
        }
        float[] d = new float[actions.length * width];
        for (int r = 0; r < actions.length; r++) {
            double ci = c[rowTrajectory[r]];
            if (ci == 0) {
                continue;
            }
            int base = r * width;
            for (int k = 0; k < width; k++) {
                if (masks[base + k]) {
                    d[base + k] = (float) (ci * ((k == actions[r] ? 1.0 : 0.0) - probabilities[base + k]));
                }
            }
        }
        return d;
    }

    /** ∇_θ Σ_i c_i log p_F(τ_i), flattened like the policy's parameters. */
    @Override
    public float[] parameterGradient(double[] c) {
        return forward.backward(logitGradient(c));
    }
}
