package org.gfn4j.runtime.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gfn4j.api.env.Environment;
import org.gfn4j.api.metric.TerminalDistributions;
import org.gfn4j.runtime.policy.MlpPolicy;
import org.gfn4j.runtime.sampling.Trajectory;
import org.gfn4j.runtime.sampling.TrajectorySampler;
import org.gfn4j.runtime.training.Hypergrids;
import org.gfn4j.runtime.training.ZeroLogitPolicy;
import org.junit.jupiter.api.Test;

class ExactEvaluatorTest {

    /**
     * Case C12 by hand: hypergrid 2-D height 2 under the uniform policy. From (0,0) each of 3 valid
     * actions has 1/3: p_T(0,0) = 1/3; (1,0) and (0,1) are reached with 1/3 and exit with 1/2, so
     * 1/6 each; (1,1) collects 1/6 + 1/6 = 1/3. All four rewards are 0.6, so π = 1/4 each and
     * L1 = Σ|p_T − π| = 2·(1/12) + 2·(1/12) = 1/3.
     */
    @Test
    void uniformPolicyOnTinyGridMatchesHandComputation() {
        check(Hypergrids.of(2, 2));
    }

    private <S> void check(Environment<S> env) {
        ExactEvaluator<S> evaluator = ExactEvaluator.build(env, 100);
        TerminalDistributions d = evaluator.evaluate(new ZeroLogitPolicy(env.featureSize(), env.forwardActionCount()), Double.NaN);
        Map<String, Double> byPoint = new HashMap<>();
        for (int x = 0; x < d.model().length; x++) {
            byPoint.put(evaluator.terminals().get(x).toString(), d.model()[x]);
            assertThat(d.target()[x]).isCloseTo(0.25, within(1e-12));
        }
        assertThat(byPoint.get("[0, 0]")).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(byPoint.get("[1, 0]")).isCloseTo(1 / 6.0, within(1e-12));
        assertThat(byPoint.get("[0, 1]")).isCloseTo(1 / 6.0, within(1e-12));
        assertThat(byPoint.get("[1, 1]")).isCloseTo(1 / 3.0, within(1e-12));
        double l1 = new ExactL1MetricFactory().create().compute(d);
        assertThat(l1).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(evaluator.logPartition()).isCloseTo(Math.log(4 * 0.6), within(1e-12));
    }

    /**
     * The dynamic programme against sampling: on hypergrid 2-D height 4 with a random network, the
     * empirical terminal frequencies of 40,000 sampled trajectories agree with the exact p_T within
     * 5 binomial standard deviations at every point (max sd = sqrt(0.25/40000) = 0.0025).
     */
    @Test
    void exactDistributionAgreesWithSampledFrequencies() {
        checkSampling(Hypergrids.of(2, 4));
    }

    private <S> void checkSampling(Environment<S> env) {
        MlpPolicy policy = new MlpPolicy(env.featureSize(), new int[] {16}, env.forwardActionCount(), 4);
        float[] p = policy.parameters();
        java.util.SplittableRandom r = new java.util.SplittableRandom(2);
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (r.nextDouble() * 2 - 1);
        }
        policy.setParameters(p);
        ExactEvaluator<S> evaluator = ExactEvaluator.build(env, 100);
        double[] exact = evaluator.terminalDistribution(policy);
        double total = 0;
        for (double v : exact) {
            total += v;
        }
        assertThat(total).isCloseTo(1.0, within(1e-9));
        int n = 40_000;
        List<Trajectory<S>> sampled = new TrajectorySampler<>(env, policy, 1, null).sample(n, 8, 1, 0.0);
        Map<S, Integer> counts = new HashMap<>();
        for (Trajectory<S> t : sampled) {
            counts.merge(t.terminal(), 1, Integer::sum);
        }
        for (int x = 0; x < exact.length; x++) {
            double freq = counts.getOrDefault(evaluator.terminals().get(x), 0) / (double) n;
            double sd = Math.sqrt(exact[x] * (1 - exact[x]) / n);
            assertThat(freq).as("point %s", evaluator.terminals().get(x)).isCloseTo(exact[x], within(5 * sd + 1e-4));
        }
    }

    @Test
    void refusesStateGraphsAboveTheCap() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ExactEvaluator.build(Hypergrids.of(2, 8), 10))
                .isInstanceOf(StateSpaceTooLargeException.class).hasMessageContaining("eval.max-states");
    }
}
