package org.gfn4j.runtime.sampling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.gfn4j.api.env.Environment;
import org.gfn4j.api.policy.Policy;

/**
 * Samples complete trajectories from the forward policy, all trajectories of a chunk stepping
 * together so that each step is one batched forward pass. Sampling is forward-only: nothing is kept
 * for gradients (the trainer re-scores the batch in one pass with the current parameters).
 *
 * <p>The batch is cut into {@code threads} chunks; chunk c draws from
 * {@link RandomStreams#forSampling(long, long, int)}, so results do not depend on thread timing.
 */
public final class TrajectorySampler<S> {
    private final Environment<S> env;
    private final Policy policy;
    private final int threads;
    private final ExecutorService executor;

    /** @param executor runs chunks when {@code threads > 1}; may be null for one thread */
    public TrajectorySampler(Environment<S> env, Policy policy, int threads, ExecutorService executor) {
        this.env = env;
        this.policy = policy;
        this.threads = threads;
        this.executor = executor;
    }

    public List<Trajectory<S>> sample(int count, long seed, long iteration, double epsilon) {
        return sample(count, seed, iteration, epsilon, 1.0);
    }

    /**
     * Samples from the behaviour policy: the forward policy with its logits divided by
     * {@code temperature}, mixed ε-greedy with uniform valid actions. Only the sampling is tempered:
     * the trainer re-scores every trajectory with the policy's own log-probabilities.
     */
    public List<Trajectory<S>> sample(int count, long seed, long iteration, double epsilon, double temperature) {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("sampling temperature must be finite and > 0, got " + temperature);
        }
        if (count == 0) {
            return new ArrayList<>();
        }
        int chunks = Math.max(1, Math.min(threads, count));
        if (chunks == 1 || executor == null) {
            return sampleChunk(count, RandomStreams.forSampling(seed, iteration, 0), epsilon, temperature);
        }
        List<Future<List<Trajectory<S>>>> futures = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            int size = count * (c + 1) / chunks - count * c / chunks;
            SplittableRandom random = RandomStreams.forSampling(seed, iteration, c);
            futures.add(executor.submit(() -> sampleChunk(size, random, epsilon, temperature)));
        }
        List<Trajectory<S>> all = new ArrayList<>(count);
        try {
            for (Future<List<Trajectory<S>>> f : futures) {
                all.addAll(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sampling interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
        return all;
    }

    private List<Trajectory<S>> sampleChunk(int count, SplittableRandom random, double epsilon, double temperature) {
        int width = env.forwardActionCount();
        int featureSize = env.featureSize();
        int exit = env.exitAction();
        List<List<S>> states = new ArrayList<>(count);
        int[][] actions = new int[count][env.maxTrajectoryLength() + 1];
        int[] steps = new int[count];
        int[] active = new int[count];
        S s0 = env.initialState();
        for (int i = 0; i < count; i++) {
            List<S> path = new ArrayList<>(env.maxTrajectoryLength() + 1);
            path.add(s0);
            states.add(path);
            active[i] = i;
        }
        int activeCount = count;
        float[] features = new float[count * featureSize];
        boolean[] mask = new boolean[width];
        double[] logProbs = new double[width];
        while (activeCount > 0) {
            for (int a = 0; a < activeCount; a++) {
                env.features(last(states.get(active[a])), features, a * featureSize);
            }
            float[] logits = policy.logits(features, activeCount);
            if (temperature != 1.0) {
                logits = logits.clone();   // a policy may hand out its own buffer
                for (int q = 0; q < activeCount * width; q++) {
                    logits[q] = (float) (logits[q] / temperature);
                }
            }
            int stillActive = 0;
            for (int a = 0; a < activeCount; a++) {
                int i = active[a];
                List<S> path = states.get(i);
                S s = last(path);
                env.forwardMask(s, mask);
                MaskedLogSoftmax.row(logits, a * width, mask, 0, width, logProbs, 0, s);
                int action = ActionChooser.choose(logProbs, 0, mask, 0, width, epsilon, random);
                actions[i][steps[i]++] = action;
                if (action != exit) {
                    path.add(env.step(s, action));
                    active[stillActive++] = i;
                }
            }
            activeCount = stillActive;
        }
        List<Trajectory<S>> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            result.add(new Trajectory<>(states.get(i), Arrays.copyOf(actions[i], steps[i])));
        }
        return result;
    }

    private static <S> S last(List<S> path) {
        return path.get(path.size() - 1);
    }
}
