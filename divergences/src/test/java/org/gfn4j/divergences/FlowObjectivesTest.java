package org.gfn4j.divergences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.objective.BalanceObjective;
import org.gfn4j.api.objective.EdgeFlows;
import org.gfn4j.api.objective.LossGradient;
import org.gfn4j.api.objective.ObjectiveFactory;
import org.gfn4j.api.objective.TrajectoryBatch;
import org.gfn4j.divergences.balance.DetailedBalance;
import org.gfn4j.divergences.balance.FlowMatching;
import org.gfn4j.divergences.balance.ModifiedDetailedBalance;
import org.gfn4j.divergences.balance.SubTrajectoryBalance;
import org.junit.jupiter.api.Test;

/**
 * The flow-based balance objectives on hand-written batches: SubTB against a brute-force sum over
 * every sub-trajectory, every objective's gradient against central finite differences of its own
 * loss, and the degenerate batches of case C7.
 */
class FlowObjectivesTest {
    private static final int[] LENGTHS = {0, 1, 3, 2};

    /** Trajectories of lengths 0, 1, 3, 2 with random per-step log-probabilities, flows and rewards. */
    private static TrajectoryBatch handWritten(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = LENGTHS.length;
        int[] offsets = new int[n + 1];
        for (int i = 0; i < n; i++) {
            offsets[i + 1] = offsets[i] + LENGTHS[i] + 1;
        }
        int total = offsets[n];
        double[] stepPF = new double[total];
        double[] stepPB = new double[total];
        double[] flow = new double[total];
        double[] stateReward = new double[total];
        double[] exitPF = new double[total];
        double[] logPF = new double[n];
        double[] logPB = new double[n];
        double[] logReward = new double[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k <= LENGTHS[i]; k++) {
                int r = offsets[i] + k;
                stepPF[r] = -2 * random.nextDouble();
                stepPB[r] = k < LENGTHS[i] ? -random.nextDouble() : 0.0;   // the exit transition has log p_B = 0
                flow[r] = 3 * random.nextDouble() - 1;
                stateReward[r] = -random.nextDouble();
                exitPF[r] = k < LENGTHS[i] ? -1 - random.nextDouble() : stepPF[r];
                logPF[i] += stepPF[r];
                logPB[i] += stepPB[r];
            }
            logReward[i] = stateReward[offsets[i + 1] - 1];
        }
        // edges: state j's exit edge is 2j, one child edge 2j + 1; parents: the previous state's child edge and one more
        double[] edgeFlow = new double[2 * total + 1];
        for (int e = 0; e < edgeFlow.length; e++) {
            edgeFlow[e] = random.nextDouble() - 1.5;
        }
        int[] inOffsets = new int[total + 1];
        int[] outOffsets = new int[total + 1];
        int[] inEdges = new int[2 * total];
        int[] outEdges = new int[total];
        int[] exitEdge = new int[total];
        int in = 0;
        for (int j = 0; j < total; j++) {
            inOffsets[j] = in;
            if (j > 0) {
                inEdges[in++] = 2 * j - 1;
                inEdges[in++] = 2 * total;
            }
            outOffsets[j] = j;
            outEdges[j] = 2 * j + 1;
            exitEdge[j] = j % 3 == 2 ? -1 : 2 * j;     // some states cannot exit
        }
        inOffsets[total] = in;
        outOffsets[total] = total;
        EdgeFlows edges = new EdgeFlows(edgeFlow, inOffsets, java.util.Arrays.copyOf(inEdges, in), outOffsets, outEdges,
                exitEdge);
        return new TrajectoryBatch(logPF, logPB, logReward, LENGTHS.clone(), offsets, stepPF, stepPB, flow, stateReward,
                exitPF, edges);
    }

    /**
     * SubTB sums the per-transition log-probabilities of each sub-trajectory correctly: its loss
     * equals a brute-force double loop over every sub-trajectory (j, k) of every trajectory, with
     * the sink position carrying log r, for several λ and variable lengths (0 to 3 moves).
     */
    @Test
    void subTrajectoryBalanceMatchesBruteForceOverAllSubTrajectories() {
        TrajectoryBatch batch = handWritten(1);
        for (double lambda : new double[] {0.1, 0.9, 1.0, 2.5}) {
            double loss = new SubTrajectoryBalance(lambda).lossAndGradient(batch, 0).loss();
            assertThat(loss).as("lambda %s", lambda).isCloseTo(bruteForceSubTb(batch, lambda), within(1e-12));
        }
    }

    private static double bruteForceSubTb(TrajectoryBatch b, double lambda) {
        double total = 0;
        for (int i = 0; i < b.size(); i++) {
            int n = b.lengths()[i];
            int o = b.stepOffsets()[i];
            double weighted = 0;
            double weights = 0;
            for (int j = 0; j <= n; j++) {
                for (int k = j + 1; k <= n + 1; k++) {
                    double sum = 0;
                    for (int t = j; t < k; t++) {          // one term per transition of the sub-trajectory
                        sum += b.stepLogPF()[o + t] - b.stepLogPB()[o + t];
                    }
                    double logFk = k == n + 1 ? b.logReward()[i] : b.stateLogFlow()[o + k];
                    double delta = b.stateLogFlow()[o + j] + sum - logFk;
                    double w = Math.pow(lambda, k - j);
                    weighted += w * delta * delta;
                    weights += w;
                }
            }
            total += weighted / weights / b.size();
        }
        return total;
    }

    /** With λ → 0 only single transitions count: SubTB equals DB on trajectories of equal length. */
    @Test
    void subTrajectoryBalanceWithTinyLambdaIsDetailedBalance() {
        TrajectoryBatch b = handWritten(2);
        // keep trajectory 2 (three moves) alone
        int o = b.stepOffsets()[2];
        int e = b.stepOffsets()[3];
        double[] pf = java.util.Arrays.copyOfRange(b.stepLogPF(), o, e);
        double[] pb = java.util.Arrays.copyOfRange(b.stepLogPB(), o, e);
        TrajectoryBatch one = new TrajectoryBatch(new double[] {sum(pf)}, new double[] {sum(pb)},
                new double[] {b.logReward()[2]}, new int[] {3}, new int[] {0, 4}, pf, pb)
                .withStateQuantities(java.util.Arrays.copyOfRange(b.stateLogFlow(), o, e), null, null, null);
        assertThat(new SubTrajectoryBalance(1e-9).lossAndGradient(one, 0).loss())
                .isCloseTo(new DetailedBalance().lossAndGradient(one, 0).loss(), within(1e-6));
    }

    /** Every flow objective's gradient matches central differences of its loss in every input it reads. */
    @Test
    void gradientsMatchFiniteDifferences() {
        for (BalanceObjective objective : new BalanceObjective[] {new DetailedBalance(), new SubTrajectoryBalance(0.9),
            new SubTrajectoryBalance(3.0), new FlowMatching(), new ModifiedDetailedBalance()}) {
            TrajectoryBatch batch = handWritten(3);
            LossGradient g = objective.lossAndGradient(batch, 0);
            ToDoubleFunction<TrajectoryBatch> loss = b -> objective.lossAndGradient(b, 0).loss();
            check(objective + " step log p_F", batch, batch.stepLogPF(), g.dStepLogPF(), loss);
            check(objective + " step log p_B", batch, batch.stepLogPB(), g.dStepLogPB(), loss);
            check(objective + " log F", batch, batch.stateLogFlow(), g.dStateLogFlow(), loss);
            check(objective + " log p_F(exit)", batch, batch.stateLogExitProbability(), g.dStateLogExitProbability(), loss);
            check(objective + " edge log F", batch, batch.edgeFlows().logFlow(), g.dEdgeLogFlow(), loss);
            assertThat(g.dLogPF()).as(objective.toString()).containsOnly(0.0);
        }
    }

    /** Perturbs each entry of {@code values} in place and compares (L(+h) − L(−h)) / 2h with {@code analytic}. */
    private static void check(String what, TrajectoryBatch batch, double[] values, double[] analytic,
                              ToDoubleFunction<TrajectoryBatch> loss) {
        if (analytic == null) {
            return;
        }
        double h = 1e-6;
        for (int q = 0; q < values.length; q++) {
            double saved = values[q];
            values[q] = saved + h;
            double plus = loss.applyAsDouble(batch);
            values[q] = saved - h;
            double minus = loss.applyAsDouble(batch);
            values[q] = saved;
            assertThat(analytic[q]).as("%s, entry %d", what, q).isCloseTo((plus - minus) / (2 * h), within(1e-6));
        }
    }

    /** Case C7: an empty batch is a clear error for every flow objective, never a NaN. */
    @Test
    void emptyBatchesAreRefused() {
        TrajectoryBatch empty = new TrajectoryBatch(new double[0], new double[0], new double[0], new int[0], new int[] {0},
                new double[0], new double[0], new double[0], new double[0], new double[0],
                new EdgeFlows(new double[0], new int[] {0}, new int[0], new int[] {0}, new int[0], new int[0]));
        for (ObjectiveFactory factory : ObjectivesForTest.flowFactories()) {
            BalanceObjective objective = (BalanceObjective) factory.create(ConfigSection.defaultsOf("objective", factory.defaults()));
            assertThatThrownBy(() -> objective.lossAndGradient(empty, 0)).as(factory.name())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        }
    }

    /** A batch without the per-state quantity an objective declared is a clear error naming it. */
    @Test
    void missingStateQuantitiesAreNamed() {
        TrajectoryBatch totals = ObjectivesForTest.threeTrajectories();
        for (ObjectiveFactory factory : ObjectivesForTest.flowFactories()) {
            BalanceObjective objective = (BalanceObjective) factory.create(ConfigSection.defaultsOf("objective", factory.defaults()));
            assertThat(objective.stateQuantities()).isNotEmpty();
            assertThatThrownBy(() -> objective.lossAndGradient(totals, 0)).as(factory.name())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(factory.name() + " needs")
                    .hasMessageContaining("stateQuantities()");
        }
    }

    /**
     * Case C7 for modified-db: a batch whose trajectories all stop at s_0 has no move; its documented
     * loss is 0 with a zero gradient, not NaN (0/0).
     */
    @Test
    void modifiedDetailedBalanceOnMovelessBatchIsZero() {
        double[] one = {-0.5, -0.7};
        TrajectoryBatch b = new TrajectoryBatch(one.clone(), new double[2], new double[] {0.1, 0.1}, new int[2],
                new int[] {0, 1, 2}, one.clone(), new double[2], null, new double[] {0.1, 0.1}, one.clone(), null);
        LossGradient g = new ModifiedDetailedBalance().lossAndGradient(b, 0);
        assertThat(g.loss()).isZero();
        assertThat(g.dStepLogPF()).containsOnly(0.0);
        assertThat(g.dStateLogExitProbability()).containsOnly(0.0);
    }

    /** modified-db refuses a visited state that cannot exit, and says which and what to use instead. */
    @Test
    void modifiedDetailedBalanceNeedsTerminalAbleStates() {
        TrajectoryBatch b = handWritten(4);
        b.stateLogExitProbability()[2] = Double.NEGATIVE_INFINITY;
        assertThatThrownBy(() -> new ModifiedDetailedBalance().lossAndGradient(b, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("state 1 of trajectory 1")
                .hasMessageContaining("db or subtb");
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
