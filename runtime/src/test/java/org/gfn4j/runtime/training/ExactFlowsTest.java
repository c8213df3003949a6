package org.gfn4j.runtime.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.env.Environment;
import org.gfn4j.api.objective.BalanceObjective;
import org.gfn4j.api.objective.ObjectiveFactory;
import org.gfn4j.api.objective.StateQuantity;
import org.gfn4j.api.objective.TrajectoryBatch;
import org.gfn4j.runtime.TestRuns;
import org.gfn4j.runtime.plugin.PluginKind;
import org.gfn4j.runtime.sampling.Trajectory;
import org.gfn4j.runtime.sampling.TrajectorySampler;
import org.junit.jupiter.api.Test;

/**
 * On an enumerable environment (hypergrid 2-D, height 4, all 16 states), the exact flows of the
 * target, computed by dynamic programming with the uniform backward policy, make every balance
 * objective's loss zero: db, subtb, fm, modified-db, and tb with the exact log Z. A perturbed flow
 * makes it positive. The batch goes through the real {@link BatchScorer}, so this also checks the
 * runtime's per-state layout, parent enumeration and edge flows.
 */
class ExactFlowsTest {

    /** Exact flows: F(s) = r(s) + Σ_children F(s → c), F(s → c) = F(c) p_B(s | c), F(s → s_f) = r(s). */
    private static final class ExactFlows<S> {
        final Environment<S> env;
        final Map<S, Double> logFlow = new HashMap<>();

        ExactFlows(Environment<S> env) {
            this.env = env;
        }

        double logFlow(S s) {
            Double known = logFlow.get(s);
            if (known != null) {
                return known;
            }
            double[] edges = logEdgeFlows(s);
            double max = Double.NEGATIVE_INFINITY;
            for (double e : edges) {
                max = Math.max(max, e);
            }
            double sum = 0;
            for (double e : edges) {
                sum += Math.exp(e - max);
            }
            double value = max + Math.log(sum);
            logFlow.put(s, value);
            return value;
        }

        /** log F(s → a) per forward action, −∞ where masked. */
        double[] logEdgeFlows(S s) {
            int width = env.forwardActionCount();
            boolean[] mask = new boolean[width];
            env.forwardMask(s, mask);
            double[] edges = new double[width];
            boolean[] parents = new boolean[env.backwardActionCount()];
            for (int a = 0; a < width; a++) {
                if (!mask[a]) {
                    edges[a] = Double.NEGATIVE_INFINITY;
                } else if (a == env.exitAction()) {
                    edges[a] = env.logReward(s);
                } else {
                    S child = env.step(s, a);
                    env.backwardMask(child, parents);
                    int count = 0;
                    for (boolean p : parents) {
                        count += p ? 1 : 0;
                    }
                    edges[a] = logFlow(child) - Math.log(count);
                }
            }
            return edges;
        }

        /** The forward policy whose logits are the exact log edge flows, and the flow network of log F. */
        void fill(S s, TablePolicy policy, TablePolicy flow, Map<S, Boolean> seen) {
            if (seen.put(s, true) != null) {
                return;
            }
            float[] features = new float[env.featureSize()];
            env.features(s, features, 0);
            double[] edges = logEdgeFlows(s);
            float[] logits = new float[edges.length];
            for (int a = 0; a < edges.length; a++) {
                logits[a] = Double.isFinite(edges[a]) ? (float) edges[a] : 0f;
            }
            policy.put(features, logits);
            flow.put(features, new float[] {(float) logFlow(s)});
            boolean[] mask = new boolean[env.forwardActionCount()];
            env.forwardMask(s, mask);
            for (int a = 0; a < env.exitAction(); a++) {
                if (mask[a]) {
                    fill(env.step(s, a), policy, flow, seen);
                }
            }
        }
    }

    @Test
    void exactFlowsGiveZeroLossAndPerturbedFlowsDoNot() {
        check(Hypergrids.of(2, 4));
    }

    private <S> void check(Environment<S> env) {
        ExactFlows<S> exact = new ExactFlows<>(env);
        TablePolicy policy = new TablePolicy(env.featureSize(), env.forwardActionCount());
        TablePolicy flow = new TablePolicy(env.featureSize(), 1);
        exact.fill(env.initialState(), policy, flow, new HashMap<>());
        double logZ = exact.logFlow(env.initialState());
        List<Trajectory<S>> trajectories = new TrajectorySampler<>(env, policy, 1, null).sample(32, 7, 1, 0.2);
        BatchScorer<S> scorer = new BatchScorer<>(env, policy, flow, null, EnumSet.allOf(StateQuantity.class));
        TrajectoryBatch batch = scorer.score(trajectories).batch();
        for (String name : List.of("db", "subtb", "fm", "modified-db", "tb")) {
            assertThat(objective(name).lossAndGradient(batch, logZ).loss()).as(name).isLessThan(1e-9);
        }
        // perturbed: log Z for tb; log F of one visited state for db and subtb; one logit for fm and modified-db
        assertThat(objective("tb").lossAndGradient(batch, logZ + 0.1).loss()).isGreaterThan(1e-3);
        S visited = trajectories.stream().filter(t -> t.length() >= 2).findFirst().orElseThrow().states().get(1);
        float[] features = new float[env.featureSize()];
        env.features(visited, features, 0);
        flow.put(features, new float[] {flow.get(features)[0] + 0.3f});
        float[] logits = policy.get(features);
        logits[env.exitAction()] += 0.3f;
        policy.put(features, logits);
        TrajectoryBatch perturbed = scorer.score(trajectories).batch();
        for (String name : List.of("db", "subtb", "fm", "modified-db")) {
            assertThat(objective(name).lossAndGradient(perturbed, logZ).loss()).as(name).isGreaterThan(1e-5);
        }
    }

    private static BalanceObjective objective(String name) {
        ObjectiveFactory f = TestRuns.registry().find(PluginKind.OBJECTIVE, ObjectiveFactory.class, name);
        return (BalanceObjective) f.create(ConfigSection.defaultsOf("objective", f.defaults()));
    }

    static Set<StateQuantity> all() {
        return EnumSet.allOf(StateQuantity.class);
    }
}
