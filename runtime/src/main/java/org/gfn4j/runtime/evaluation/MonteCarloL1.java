package org.gfn4j.runtime.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.gfn4j.api.env.Environment;
import org.gfn4j.api.math.LogSpace;
import org.gfn4j.api.objective.TrajectoryBatch;
import org.gfn4j.api.policy.Policy;
import org.gfn4j.runtime.sampling.RandomStreams;
import org.gfn4j.runtime.sampling.Trajectory;
import org.gfn4j.runtime.sampling.TrajectorySampler;
import org.gfn4j.runtime.training.BatchScorer;

/**
 * A Monte-Carlo estimate of L1 = Σ_x |p_T(x) − π(x)| for state spaces too large to enumerate, when
 * log Z is known exactly. Since p_T > 0 everywhere for a softmax policy,
 * L1 = E_{x~p_T}[ |1 − π(x)/p_T(x)| ]; it is estimated from N objects sampled from the model, with
 * p_T(x) ≈ mean over M backward trajectories τ ~ p_B(·|x) of p_F(τ)/p_B(τ|x) (MATH.md). The
 * estimate is consistent but biased for finite M; N and M are reported beside it.
 */
public final class MonteCarloL1<S> {
    private final Environment<S> env;
    private final double logPartition;
    private final int samples;
    private final int backwardPerSample;
    private final long seed;

    public MonteCarloL1(Environment<S> env, double logPartition, int samples, int backwardPerSample, long seed) {
        this.env = env;
        this.logPartition = logPartition;
        this.samples = samples;
        this.backwardPerSample = backwardPerSample;
        this.seed = seed;
    }

    public String definition() {
        return "l1_mc = Monte-Carlo estimate of sum_x |p_T(x) - pi(x)| = E_{x~p_T} |1 - pi(x)/p_T(x)| from "
                + samples + " model samples, p_T(x) estimated from " + backwardPerSample
                + " backward trajectories each; exact log Z";
    }

    public double estimate(Policy policy, long iteration) {
        // a stream of its own, so that evaluating never changes what training draws
        List<Trajectory<S>> forward = new TrajectorySampler<>(env, policy, 1, null)
                .sample(samples, seed ^ 0x4D6F6E7465L, iteration, 0.0);
        SplittableRandom random = RandomStreams.forSampling(seed ^ 0x4261636BL, iteration, 0);
        List<Trajectory<S>> backward = new ArrayList<>(samples * backwardPerSample);
        for (Trajectory<S> t : forward) {
            for (int m = 0; m < backwardPerSample; m++) {
                backward.add(sampleBackward(t.terminal(), random));
            }
        }
        TrajectoryBatch batch = new BatchScorer<>(env, policy).score(backward).batch();
        double[] logRatios = new double[backwardPerSample];
        double sum = 0;
        for (int i = 0; i < samples; i++) {
            for (int m = 0; m < backwardPerSample; m++) {
                int k = i * backwardPerSample + m;
                logRatios[m] = batch.logPF()[k] - batch.logPB()[k];
            }
            double logModel = LogSpace.logMeanExp(logRatios);
            double logTarget = batch.logReward()[i * backwardPerSample] - logPartition;
            sum += Math.abs(1 - Math.exp(logTarget - logModel));
        }
        return sum / samples;
    }

    /** A trajectory from s0 to x drawn backward from x with the uniform backward policy. */
    private Trajectory<S> sampleBackward(S x, SplittableRandom random) {
        List<S> states = new ArrayList<>();
        List<Integer> actions = new ArrayList<>();
        boolean[] mask = new boolean[env.backwardActionCount()];
        S s = x;
        states.add(s);
        while (true) {
            env.backwardMask(s, mask);
            int valid = 0;
            for (boolean b : mask) {
                valid += b ? 1 : 0;
            }
            if (valid == 0) {
                break;
            }
            int pick = random.nextInt(valid);
            int b = 0;
            for (; b < mask.length; b++) {
                if (mask[b] && pick-- == 0) {
                    break;
                }
            }
            actions.add(env.forwardActionFor(s, b));
            s = env.backwardStep(s, b);
            states.add(s);
        }
        Collections.reverse(states);
        Collections.reverse(actions);
        int[] a = new int[actions.size() + 1];
        for (int k = 0; k < actions.size(); k++) {
            a[k] = actions.get(k);
        }
        a[actions.size()] = env.exitAction();
        return new Trajectory<>(states, a);
    }
}
