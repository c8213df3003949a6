package org.gfn4j.runtime.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.gfn4j.api.env.Environment;
import org.gfn4j.api.objective.TrajectoryBatch;
import org.gfn4j.api.policy.Policy;
import org.gfn4j.runtime.policy.MlpPolicy;
import org.gfn4j.runtime.sampling.MaskedLogSoftmax;
import org.gfn4j.runtime.sampling.Trajectory;
import org.gfn4j.runtime.sampling.TrajectorySampler;
import org.junit.jupiter.api.Test;

class BatchScorerTest {

    /**
     * Case C5: trajectories of length 1 and of maximal length on hypergrid 2-D height 3. The summed
     * log p_F has exactly one term per transition (exit included) and equals the brute-force sum of
     * per-state log-probabilities computed one state at a time; log p_B has one term per non-exit
     * transition with the known uniform values.
     */
    @Test
    void sumsHaveOneTermPerTransition() {
        Environment<?> env = Hypergrids.of(2, 3);
        check(env);
    }

    private <S> void check(Environment<S> env) {
        Policy policy = new MlpPolicy(env.featureSize(), new int[] {16}, env.forwardActionCount(), 5);
        randomise(policy);
        Trajectory<S> shortest = build(env, 0, 2);             // (0,0) → (1,0) → exit
        Trajectory<S> longest = build(env, 0, 1, 0, 1, 2);     // (0,0) → (1,0) → (1,1) → (2,1) → (2,2) → exit
        Trajectory<S> immediate = build(env, 2);               // exit at s0
        TrajectoryBatch batch = new BatchScorer<>(env, policy).score(List.of(shortest, longest, immediate)).batch();
        assertThat(batch.lengths()).containsExactly(1, 4, 0);
        assertThat(batch.stepOffsets()).containsExactly(0, 2, 7, 8);
        List<Trajectory<S>> all = List.of(shortest, longest, immediate);
        for (int i = 0; i < 3; i++) {
            assertThat(batch.logPF()[i]).isCloseTo(bruteForceLogPF(env, policy, all.get(i)), within(1e-6));
        }
        // parents: (1,0) has 1; (1,1), (2,1), (2,2) have 2 each; exit contributes nothing
        assertThat(batch.logPB()[0]).isEqualTo(0.0);
        assertThat(batch.logPB()[1]).isCloseTo(-3 * Math.log(2), within(1e-12));
        assertThat(batch.logPB()[2]).isEqualTo(0.0);
        assertThat(batch.stepLogPB()[6]).isEqualTo(0.0);
    }

    /**
     * Case C2: with ε-greedy exploration the batch carries the policy's own log-probabilities, not
     * those of the exploration mixture.
     */
    @Test
    void explorationDoesNotLeakIntoLogProbabilities() {
        checkExploration(Hypergrids.of(2, 6));
    }

    private <S> void checkExploration(Environment<S> env) {
        Policy policy = new MlpPolicy(env.featureSize(), new int[] {16}, env.forwardActionCount(), 9);
        randomise(policy);
        List<Trajectory<S>> sampled = new TrajectorySampler<>(env, policy, 1, null).sample(32, 1, 1, 0.3);
        TrajectoryBatch batch = new BatchScorer<>(env, policy).score(sampled).batch();
        for (int i = 0; i < sampled.size(); i++) {
            assertThat(batch.logPF()[i]).isCloseTo(bruteForceLogPF(env, policy, sampled.get(i)), within(1e-6));
        }
    }

    static void randomise(Policy policy) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(17);
        float[] p = policy.parameters();
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (r.nextDouble() - 0.5);
        }
        policy.setParameters(p);
    }

    static <S> Trajectory<S> build(Environment<S> env, int... actions) {
        List<S> states = new ArrayList<>();
        S s = env.initialState();
        states.add(s);
        for (int k = 0; k < actions.length - 1; k++) {
            s = env.step(s, actions[k]);
            states.add(s);
        }
        return new Trajectory<>(states, actions);
    }

    static <S> double bruteForceLogPF(Environment<S> env, Policy policy, Trajectory<S> t) {
        int width = env.forwardActionCount();
        double sum = 0;
        for (int k = 0; k <= t.length(); k++) {
            float[] f = new float[env.featureSize()];
            env.features(t.states().get(k), f, 0);
            float[] logits = policy.forward(f, 1).logits();
            boolean[] mask = new boolean[width];
            env.forwardMask(t.states().get(k), mask);
            double[] lp = new double[width];
            MaskedLogSoftmax.row(logits, 0, mask, 0, width, lp, 0, "s");
            sum += lp[t.actions()[k]];
        }
        return sum;
    }
}
