package org.gfn4j.runtime.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.Function;
import org.gfn4j.api.env.Environment;
import org.gfn4j.api.objective.BalanceObjective;
import org.gfn4j.api.objective.LossGradient;
import org.gfn4j.api.policy.Policy;
import org.gfn4j.runtime.policy.MlpPolicy;
import org.gfn4j.runtime.sampling.Trajectory;
import org.gfn4j.runtime.sampling.TrajectorySampler;
import org.junit.jupiter.api.Test;

/**
 * Case C8 for the balance family: on hypergrid 2-D height 3, the gradient that {@link ScoredBatch#gradients}
 * sends to each network (forward policy, state-flow network, learned backward policy) matches central
 * finite differences of the objective's own loss, for every parameter, and reaches every layer.
 */
class NetworkGradientTest {

    @Test
    void detailedBalanceWithLearnedBackwardPolicy() {
        check(Hypergrids.of(2, 3), "db", true, true);
    }

    @Test
    void subTrajectoryBalanceWithLearnedBackwardPolicy() {
        check(Hypergrids.of(2, 3), "subtb", true, true);
    }

    @Test
    void flowMatchingThroughEdgeFlows() {
        check(Hypergrids.of(2, 3), "fm", false, false);
    }

    @Test
    void modifiedDetailedBalanceThroughExitProbabilities() {
        check(Hypergrids.of(2, 3), "modified-db", false, true);
    }

    @Test
    void trajectoryBalanceWithLearnedBackwardPolicy() {
        check(Hypergrids.of(2, 3), "tb", false, true);
    }

    private <S> void check(Environment<S> env, String name, boolean flows, boolean learnedBackward) {
        MlpPolicy policy = new MlpPolicy(env.featureSize(), new int[] {8}, env.forwardActionCount(), 21);
        MlpPolicy flow = flows ? new MlpPolicy(env.featureSize(), new int[] {8}, 1, 22) : null;
        MlpPolicy backward = learnedBackward ? new MlpPolicy(env.featureSize(), new int[] {8}, env.backwardActionCount(), 23) : null;
        for (Policy p : new Policy[] {policy, flow, backward}) {
            if (p != null) {
                BatchScorerTest.randomise(p);
            }
        }
        BalanceObjective objective = OffPolicyTest.objective(name);
        List<Trajectory<S>> batch = new TrajectorySampler<>(env, policy, 1, null).sample(10, 3, 1, 0.3);
        BatchScorer<S> scorer = new BatchScorer<>(env, policy, flow, backward, objective.stateQuantities());
        Function<Void, Double> loss = v -> objective.lossAndGradient(scorer.score(batch).batch(), 0.3).loss();
        LossGradient g = objective.lossAndGradient(scorer.score(batch).batch(), 0.3);
        BatchGradients analytic = scorer.score(batch).gradients(g);
        compare(name + " forward policy", policy, analytic.policy(), loss);
        if (flow != null) {
            compare(name + " state-flow network", flow, analytic.flow(), loss);
        }
        if (backward != null) {
            compare(name + " backward policy", backward, analytic.backward(), loss);
        }
    }

    private static void compare(String what, Policy network, float[] analytic, Function<Void, Double> loss) {
        float[] params = network.parameters();
        assertThat(analytic).hasSize(params.length);
        double h = 2e-3;   // small enough that few ReLU units change sign, large enough for float32 logits
        double norm = 0;
        for (int p = 0; p < params.length; p++) {
            float[] plus = params.clone();
            plus[p] += (float) h;
            network.setParameters(plus);
            double up = loss.apply(null);
            float[] minus = params.clone();
            minus[p] -= (float) h;
            network.setParameters(minus);
            double down = loss.apply(null);
            double numeric = (up - down) / (2 * h);
            assertThat((double) analytic[p]).as("%s, parameter %d", what, p)
                    .isCloseTo(numeric, within(2e-3 + 3e-2 * Math.abs(numeric)));
            norm += analytic[p] * analytic[p];
        }
        network.setParameters(params);
        assertThat(norm).as(what).isGreaterThan(0);
    }
}
