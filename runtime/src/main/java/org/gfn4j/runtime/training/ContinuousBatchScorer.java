package org.gfn4j.runtime.training;

import java.util.List;
import org.gfn4j.api.env.ContinuousEnvironment;
import org.gfn4j.api.objective.TrajectoryBatch;
import org.gfn4j.api.policy.Policy;
import org.gfn4j.runtime.sampling.ActionDensity;
import org.gfn4j.runtime.sampling.ContinuousTrajectory;

/**
 * The continuous counterpart of {@link BatchScorer}: re-scores sampled trajectories with the
 * current policy in one forward pass over every visited non-terminal state. log p_F is the sum of
 * the head's log-densities of the increments, log p_B the sum of the environment's closed-form
 * backward kernel, log r the target's log-density, all in double precision.
 *
 * <p>Layout of the {@link TrajectoryBatch}: every trajectory has {@code lengths[i] = T} transitions
 * followed by the forced end after step T, an entry with log p_F = log p_B = 0; the per-step
 * entries sum to the per-trajectory totals as for discrete trajectories.
 */
public final class ContinuousBatchScorer<S> {
    private final ContinuousEnvironment<S> env;
    private final Policy policy;
    private final ActionDensity density;

    public ContinuousBatchScorer(ContinuousEnvironment<S> env, Policy policy, ActionDensity density) {
        this.env = env;
        this.policy = policy;
        this.density = density;
    }

    public ContinuousScoredBatch score(List<ContinuousTrajectory<S>> trajectories) {
        int n = trajectories.size();
        if (n == 0) {
            throw new IllegalArgumentException("cannot score an empty batch of trajectories");
        }
        int steps = env.stepCount();
        int featureSize = env.featureSize();
        int rows = n * steps;
        float[] features = new float[rows * featureSize];
        double[][] actions = new double[rows][];
        for (int i = 0; i < n; i++) {
            ContinuousTrajectory<S> t = trajectories.get(i);
            if (t.length() != steps) {
                throw new IllegalArgumentException("trajectory " + i + " has " + t.length() + " steps, the environment " + steps);
            }
            for (int k = 0; k < steps; k++) {
                env.features(t.states().get(k), features, (i * steps + k) * featureSize);
                actions[i * steps + k] = t.actions()[k];
            }
        }
        Policy.Forward forward = policy.forward(features, rows);
        float[] outputs = forward.logits();
        int width = density.parameterCount();
        int[] offsets = new int[n + 1];
        int[] lengths = new int[n];
        double[] stepLogPF = new double[n * (steps + 1)];
        double[] stepLogPB = new double[n * (steps + 1)];
        double[] logPF = new double[n];
        double[] logPB = new double[n];
        double[] logReward = new double[n];
        for (int i = 0; i < n; i++) {
            ContinuousTrajectory<S> t = trajectories.get(i);
            offsets[i + 1] = offsets[i] + steps + 1;
            lengths[i] = steps;
            for (int k = 0; k < steps; k++) {
                int r = i * steps + k;
                double lf = density.logDensity(outputs, r * width, actions[r]);
                double lb = env.backwardLogDensity(t.states().get(k), t.states().get(k + 1));
                stepLogPF[offsets[i] + k] = lf;
                stepLogPB[offsets[i] + k] = lb;
                logPF[i] += lf;
                logPB[i] += lb;
            }
            logReward[i] = env.logReward(t.terminal());
        }
        TrajectoryBatch batch = new TrajectoryBatch(logPF, logPB, logReward, lengths, offsets, stepLogPF, stepLogPB);
        return new ContinuousScoredBatch(batch, forward, outputs, actions, density, steps);
    }
}
