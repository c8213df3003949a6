package org.gfn4j.runtime.training;

import java.util.List;
import org.gfn4j.api.env.Environment;
import org.gfn4j.api.objective.TrajectoryBatch;
import org.gfn4j.api.policy.Policy;
import org.gfn4j.runtime.sampling.MaskedLogSoftmax;
import org.gfn4j.runtime.sampling.Trajectory;

/**
 * Computes log p_F, log p_B and log r of sampled trajectories with the <em>current</em> policy, in
 * one batched forward pass. Log-probabilities are always recomputed here, never carried over from
 * sampling, so exploration (ε-greedy) never leaks into the loss and no value from before an
 * optimizer step is ever reused.
 *
 * <p>The backward policy is uniform over valid parents: log p_B(s_t | s_{t+1}) = −log |parents(s_{t+1})|,
 * one term per non-exit transition, and 0 for the exit transition.
 */
public final class BatchScorer<S> {
    private final Environment<S> env;
    private final Policy policy;

    public BatchScorer(Environment<S> env, Policy policy) {
        this.env = env;
        this.policy = policy;
    }

    public ScoredBatch score(List<Trajectory<S>> trajectories) {
        int n = trajectories.size();
        if (n == 0) {
            throw new IllegalArgumentException("cannot score an empty batch of trajectories");
        }
        int width = env.forwardActionCount();
        int featureSize = env.featureSize();
        int[] offsets = new int[n + 1];
        for (int i = 0; i < n; i++) {
            offsets[i + 1] = offsets[i] + trajectories.get(i).actions().length;
        }
        int rows = offsets[n];
        float[] features = new float[rows * featureSize];
        boolean[] masks = new boolean[rows * width];
        boolean[] row = new boolean[width];
        int[] actions = new int[rows];
        int[] rowTrajectory = new int[rows];
        for (int i = 0; i < n; i++) {
            Trajectory<S> t = trajectories.get(i);
            for (int k = 0; k <= t.length(); k++) {
                int r = offsets[i] + k;
                S s = t.states().get(k);
                env.features(s, features, r * featureSize);
                env.forwardMask(s, row);
                System.arraycopy(row, 0, masks, r * width, width);
                actions[r] = t.actions()[k];
                rowTrajectory[r] = i;
            }
        }
        Policy.Forward forward = policy.forward(features, rows);
        float[] logits = forward.logits();
        double[] logProbs = new double[rows * width];
        double[] probabilities = new double[rows * width];
        double[] stepLogPF = new double[rows];
        double[] stepLogPB = new double[rows];
        double[] logPF = new double[n];
        double[] logPB = new double[n];
        double[] logReward = new double[n];
        int[] lengths = new int[n];
        boolean[] parents = new boolean[env.backwardActionCount()];
        for (int i = 0; i < n; i++) {
            Trajectory<S> t = trajectories.get(i);
            lengths[i] = t.length();
            for (int k = 0; k <= t.length(); k++) {
                int r = offsets[i] + k;
                MaskedLogSoftmax.row(logits, r * width, masks, r * width, width, logProbs, r * width, t.states().get(k));
                for (int a = 0; a < width; a++) {
                    probabilities[r * width + a] = Math.exp(logProbs[r * width + a]);
                }
                stepLogPF[r] = logProbs[r * width + actions[r]];
                if (k < t.length()) {
                    env.backwardMask(t.states().get(k + 1), parents);
                    int count = 0;
                    for (boolean p : parents) {
                        count += p ? 1 : 0;
                    }
                    stepLogPB[r] = -Math.log(count);
                }
                logPF[i] += stepLogPF[r];
                logPB[i] += stepLogPB[r];
            }
            logReward[i] = env.logReward(t.terminal());
        }
        TrajectoryBatch batch = new TrajectoryBatch(logPF, logPB, logReward, lengths, offsets, stepLogPF, stepLogPB);
        return new ScoredBatch(batch, forward, probabilities, masks, actions, rowTrajectory, width);
    }
}
