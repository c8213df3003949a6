package org.gfn4j.runtime.training;

import org.gfn4j.api.estimator.GradientOracle;
import org.gfn4j.api.objective.LossGradient;
import org.gfn4j.api.objective.TrajectoryBatch;
import org.gfn4j.api.policy.Policy;

/**
 * A batch re-scored by the current policy in one forward pass over every visited state: the
 * per-trajectory quantities for the objective, and what is needed to back-propagate any
 * combination Σ_i c_i log p_F(τ_i) through the network (the {@link GradientOracle}), or a whole
 * {@link LossGradient} through every network of the run ({@link #gradients}).
 *
 * <p>The forward pass has {@code forwardRows} rows: one per visited state, then (for flow matching)
 * the parents of visited states, whose logits are in-edge flows.
 */
public final class ScoredBatch implements TrainingBatch {
    private final TrajectoryBatch batch;
    private final Policy.Forward forward;
    private final double[] probabilities;
    private final boolean[] masks;
    private final int[] actions;
    private final int[] rowTrajectory;
    private final int width;
    private final int forwardRows;
    private final int[] edgeRow;
    private final int[] edgeAction;
    private final Policy.Forward flowForward;
    private final Policy.Forward backwardForward;
    private final double[] backwardProbabilities;
    private final boolean[] backwardMasks;
    private final int[] backwardActions;
    private final int backwardWidth;

    ScoredBatch(TrajectoryBatch batch, Policy.Forward forward, double[] probabilities, boolean[] masks, int[] actions,
                int[] rowTrajectory, int width) {
        this(batch, forward, probabilities, masks, actions, rowTrajectory, width, actions.length, null, null, null, null,
                null, null, null, 0);
    }

    ScoredBatch(TrajectoryBatch batch, Policy.Forward forward, double[] probabilities, boolean[] masks, int[] actions,
                int[] rowTrajectory, int width, int forwardRows, int[] edgeRow, int[] edgeAction, Policy.Forward flowForward,
                Policy.Forward backwardForward, double[] backwardProbabilities, boolean[] backwardMasks,
                int[] backwardActions, int backwardWidth) {
        this.batch = batch;
        this.forward = forward;
        this.probabilities = probabilities;
        this.masks = masks;
        this.actions = actions;
        this.rowTrajectory = rowTrajectory;
        this.width = width;
        this.forwardRows = forwardRows;
        this.edgeRow = edgeRow;
        this.edgeAction = edgeAction;
        this.flowForward = flowForward;
        this.backwardForward = backwardForward;
        this.backwardProbabilities = backwardProbabilities;
        this.backwardMasks = backwardMasks;
        this.backwardActions = backwardActions;
        this.backwardWidth = backwardWidth;
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
        float[] d = new float[forwardRows * width];
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

    /**
     * The gradient of a balance objective's loss for every network: the per-trajectory and per-step
     * log p_F coefficients and the per-state log p_F(exit) coefficients go through the masked
     * log-softmax of the forward policy, edge-flow coefficients straight to its logits, state-flow
     * coefficients to the flow network, log p_B coefficients through the learned backward policy's
     * log-softmax (ignored when p_B is uniform: it has no parameters).
     */
    public BatchGradients gradients(LossGradient g) {
        double[] dLogits = new double[forwardRows * width];
        for (int r = 0; r < actions.length; r++) {
            double c = at(g.dLogPF(), rowTrajectory[r]) + at(g.dStepLogPF(), r);
            addLogSoftmaxGradient(dLogits, r, actions[r], c);
            addLogSoftmaxGradient(dLogits, r, width - 1, at(g.dStateLogExitProbability(), r));
        }
        if (g.dEdgeLogFlow() != null) {
            if (edgeRow == null) {
                throw new IllegalArgumentException("the loss has edge-flow coefficients but the batch was scored without edge flows");
            }
            for (int e = 0; e < edgeRow.length; e++) {
                dLogits[edgeRow[e] * width + edgeAction[e]] += g.dEdgeLogFlow()[e];
            }
        }
        float[] policyGradient = forward.backward(toFloat(dLogits));
        float[] flowGradient = null;
        if (flowForward != null) {
            double[] dFlow = g.dStateLogFlow() == null ? new double[actions.length] : g.dStateLogFlow();
            flowGradient = flowForward.backward(toFloat(dFlow));
        }
        float[] backwardGradient = null;
        if (backwardForward != null) {
            double[] dBackward = new double[actions.length * backwardWidth];
            for (int q = 0; q < actions.length; q++) {
                int b = backwardActions[q];
                if (b < 0) {
                    continue;                      // s_0: no transition leads into it
                }
                double c = at(g.dLogPB(), rowTrajectory[q]) + at(g.dStepLogPB(), q - 1);
                if (c == 0) {
                    continue;
                }
                int base = q * backwardWidth;
                for (int k = 0; k < backwardWidth; k++) {
                    if (backwardMasks[base + k]) {
                        dBackward[base + k] += c * ((k == b ? 1.0 : 0.0) - backwardProbabilities[base + k]);
                    }
                }
            }
            backwardGradient = backwardForward.backward(toFloat(dBackward));
        }
        return new BatchGradients(policyGradient, flowGradient, backwardGradient);
    }

    /** Adds c · ∂ log p_F(action | s_r)/∂ logits_r = c (onehot(action) − p_r) on the valid actions of row r. */
    private void addLogSoftmaxGradient(double[] dLogits, int r, int action, double c) {
        if (c == 0) {
            return;
        }
        int base = r * width;
        for (int k = 0; k < width; k++) {
            if (masks[base + k]) {
                dLogits[base + k] += c * ((k == action ? 1.0 : 0.0) - probabilities[base + k]);
            }
        }
    }

    private static double at(double[] values, int index) {
        return values == null ? 0.0 : values[index];
    }

    private static float[] toFloat(double[] values) {
        float[] f = new float[values.length];
        for (int q = 0; q < values.length; q++) {
            f[q] = (float) values[q];
        }
        return f;
    }

    /** ∇_θ Σ_i c_i log p_F(τ_i), flattened like the policy's parameters. */
    @Override
    public float[] parameterGradient(double[] c) {
        return forward.backward(logitGradient(c));
    }
}
