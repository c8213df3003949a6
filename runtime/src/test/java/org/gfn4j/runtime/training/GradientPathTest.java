package org.gfn4j.runtime.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.env.Environment;
import org.gfn4j.api.estimator.EstimatorFactory;
import org.gfn4j.api.estimator.GradientEstimator;
import org.gfn4j.api.objective.BalanceObjective;
import org.gfn4j.api.objective.ObjectiveFactory;
import org.gfn4j.api.objective.ScoreFunctionObjective;
import org.gfn4j.api.policy.Policy;
import org.gfn4j.runtime.TestRuns;
import org.gfn4j.runtime.plugin.PluginKind;
import org.gfn4j.runtime.policy.MlpPolicy;
import org.gfn4j.runtime.sampling.Trajectory;
import org.gfn4j.runtime.sampling.TrajectorySampler;
import org.junit.jupiter.api.Test;

/**
 * Case C8: one TB step and one Rényi step on hypergrid 2-D height 3. The parameter gradient of
 * Σ_i c_i log p_F(τ_i), with the objective's coefficients c held fixed, matches central finite
 * differences for every parameter, and every layer of the network receives a nonzero gradient.
 */
class GradientPathTest {

    @Test
    void trajectoryBalanceGradientReachesEveryLayer() {
        check(Hypergrids.of(2, 3), "tb", null);
    }

    @Test
    void renyiGradientReachesEveryLayer() {
        check(Hypergrids.of(2, 3), "renyi", "loo-score");
    }

    private <S> void check(Environment<S> env, String objectiveName, String estimatorName) {
        MlpPolicy policy = new MlpPolicy(env.featureSize(), new int[] {8, 8}, env.forwardActionCount(), 21);
        List<Trajectory<S>> batch = new TrajectorySampler<>(env, policy, 1, null).sample(12, 3, 1, 0.0);
        BatchScorer<S> scorer = new BatchScorer<>(env, policy);
        ScoredBatch scored = scorer.score(batch);
        ObjectiveFactory of = TestRuns.registry().find(PluginKind.OBJECTIVE, ObjectiveFactory.class, objectiveName);
        var objective = of.create(ConfigSection.defaultsOf("objective", of.defaults()));
        double[] c;
        if (objective instanceof BalanceObjective balance) {
            c = balance.lossAndGradient(scored.batch(), 0.3).dLogPF();
        } else {
            EstimatorFactory ef = TestRuns.registry().find(PluginKind.ESTIMATOR, EstimatorFactory.class, estimatorName);
            GradientEstimator estimator = ef.create(ConfigSection.of("estimator", ConfigFactory.empty(), ef.defaults()));
            c = estimator.coefficients(((ScoreFunctionObjective) objective).terms(scored.batch()), scored);
        }
        float[] analytic = scored.parameterGradient(c);
        float[] params = policy.parameters();
        double h = 1e-2;
        for (int p = 0; p < params.length; p++) {
            float[] plus = params.clone();
            plus[p] += (float) h;
            float[] minus = params.clone();
            minus[p] -= (float) h;
            double numeric = (weighted(scorer, policy, plus, batch, c) - weighted(scorer, policy, minus, batch, c)) / (2 * h);
            assertThat((double) analytic[p]).as("parameter %d", p)
                    .isCloseTo(numeric, org.assertj.core.api.Assertions.within(1e-3 + 2e-2 * Math.abs(numeric)));
        }
        policy.setParameters(params);
        // layer blocks: W1 (6×8), b1, W2 (8×8), b2, W3 (8×3), b3
        int[] sizes = {48, 8, 64, 8, 24, 3};
        int offset = 0;
        for (int block = 0; block < sizes.length; block++) {
            double norm = 0;
            for (int k = offset; k < offset + sizes[block]; k++) {
                norm += analytic[k] * analytic[k];
            }
            assertThat(norm).as("gradient norm of parameter block %d", block).isGreaterThan(0);
            offset += sizes[block];
        }
        assertThat(offset).isEqualTo(policy.parameterCount());
    }

    private static <S> double weighted(BatchScorer<S> scorer, Policy policy, float[] params, List<Trajectory<S>> batch, double[] c) {
        policy.setParameters(params);
        double[] s = scorer.score(batch).batch().logPF();
        double sum = 0;
        for (int i = 0; i < s.length; i++) {
            sum += c[i] * s[i];
        }
        return sum;
    }
}
