package org.gfn4j.runtime.training;

import org.gfn4j.api.objective.TrajectoryBatch;
import org.gfn4j.api.policy.Policy;
import org.gfn4j.runtime.sampling.ActionDensity;

/**
 * A continuous batch re-scored in one forward pass: back-propagates Σ_i c_i log p_F(τ_i) by giving
 * row r (step t of trajectory i) the output gradient c_i ∂ log p(a_r)/∂outputs_r from the head, in
 * double precision, then one backward pass through the network. The increments a_r are the
 * sampled ones, held fixed (score-function gradients, no reparameterisation).
 */
public final class ContinuousScoredBatch implements TrainingBatch {
    private final TrajectoryBatch batch;
    private final Policy.Forward forward;
    private final float[] outputs;
    private final double[][] actions;
    private final ActionDensity density;
    private final int steps;

    ContinuousScoredBatch(TrajectoryBatch batch, Policy.Forward forward, float[] outputs, double[][] actions,
                          ActionDensity density, int steps) {
        this.batch = batch;
        this.forward = forward;
        this.outputs = outputs;
        this.actions = actions;
        this.density = density;
        this.steps = steps;
    }

    @Override
    public TrajectoryBatch batch() {
        return batch;
    }

    /** ∂/∂outputs of Σ_i c_i log p_F(τ_i), row-major like the network's outputs. */
    float[] outputGradient(double[] c) {
        if (c.length != batch.size()) {
            throw new IllegalArgumentException("need one coefficient per trajectory: " + batch.size() + ", got " + c.length);
        }
        int width = density.parameterCount();
        float[] d = new float[actions.length * width];
        for (int r = 0; r < actions.length; r++) {
            double ci = c[r / steps];
            if (ci != 0) {
                density.addGradient(outputs, r * width, actions[r], ci, d);
            }
        }
        return d;
    }

    @Override
    public float[] parameterGradient(double[] c) {
        return forward.backward(outputGradient(c));
    }
}
