package org.gfn4j.runtime.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gfn4j.api.env.ContinuousEnvironment;
import org.gfn4j.api.policy.Policy;

/**
 * Samples complete trajectories of a continuous environment on-policy: all trajectories step
 * together, one batched forward pass per step, each increment drawn from the {@link ActionDensity}
 * the network's outputs parameterise. Forward-only; the trainer re-scores the batch. The stream is
 * {@link RandomStreams#forSampling(long, long, int)} (chunk 0), so a run is reproducible bit for bit.
 */
public final class ContinuousTrajectorySampler<S> {
    private final ContinuousEnvironment<S> env;
    private final Policy policy;
    private final ActionDensity density;

    public ContinuousTrajectorySampler(ContinuousEnvironment<S> env, Policy policy, ActionDensity density) {
        this.env = env;
        this.policy = policy;
        this.density = density;
    }

    public List<ContinuousTrajectory<S>> sample(int count, long seed, long iteration) {
        return sample(count, RandomStreams.forSampling(seed, iteration, 0));
    }

    public List<ContinuousTrajectory<S>> sample(int count, SplittableRandom random) {
        int steps = env.stepCount();
        int featureSize = env.featureSize();
        int width = density.parameterCount();
        List<List<S>> states = new ArrayList<>(count);
        double[][][] actions = new double[count][steps][];
        S s0 = env.initialState();
        for (int i = 0; i < count; i++) {
            List<S> path = new ArrayList<>(steps + 1);
            path.add(s0);
            states.add(path);
        }
        float[] features = new float[count * featureSize];
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < count; i++) {
                env.features(states.get(i).get(t), features, i * featureSize);
            }
            float[] outputs = policy.forward(features, count).logits();
            for (int i = 0; i < count; i++) {
                double[] a = density.sample(outputs, i * width, random);
                actions[i][t] = a;
                states.get(i).add(env.step(states.get(i).get(t), a));
            }
        }
        List<ContinuousTrajectory<S>> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            result.add(new ContinuousTrajectory<>(states.get(i), actions[i]));
        }
        return result;
    }
}
