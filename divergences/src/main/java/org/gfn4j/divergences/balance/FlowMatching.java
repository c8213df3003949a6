package org.gfn4j.divergences.balance;

import java.util.Set;
import org.gfn4j.api.objective.BalanceObjective;
import org.gfn4j.api.objective.EdgeFlows;
import org.gfn4j.api.objective.LossGradient;
import org.gfn4j.api.objective.NonFiniteValueException;
import org.gfn4j.api.objective.StateQuantity;
import org.gfn4j.api.objective.TrajectoryBatch;

/**
 * Flow matching (Bengio et al. 2021), discrete environments only: at every visited state the flow
 * in equals the flow out, and the exit edge carries the reward.
 * <pre>
 *   L = (1/M) Σ_{visited s ≠ s_0} (log Σ_{p→s} F(p→s) − log [Σ_{s→c} F(s→c) + F(s→s_f)])²
 *     + (1/K) Σ_{visited s where exit is valid} (log F(s→s_f) − log r(s))²
 * </pre>
 * M and K count the visited states each sum runs over (a state visited twice counts twice). The
 * reward-matching term covers every visited terminal-able state, not only the sampled objects
 * x_i: the condition F(s→s_f) = r(s) holds at all of them, and using it everywhere gives more
 * signal per batch <b>(our choice; torchgfn applies it to the sampled objects only)</b>. When every
 * trajectory of the batch stops at s_0, the first sum is empty and contributes 0.
 *
 * <p>Edge flows come from {@link TrajectoryBatch#edgeFlows()}; the gradient goes to
 * {@link LossGradient#dEdgeLogFlow()}: ∂(log Σ_e F_e)/∂log F_e is the softmax weight of e within its sum.
 * Flow matching needs no backward policy (a state's parents play its part) and learns no log Z
 * (the out-flow of s_0 is Z).
 */
public final class FlowMatching implements BalanceObjective {
    static final String NAME = "fm";

    @Override
    public Set<StateQuantity> stateQuantities() {
        return Set.of(StateQuantity.EDGE_FLOWS, StateQuantity.LOG_REWARD);
    }

    @Override
    public boolean allowsLearnedBackwardPolicy() {
        return false;
    }

    @Override
    public LossGradient lossAndGradient(TrajectoryBatch batch, double logPartition) {
        FlowInputs.requireNonEmpty(batch, NAME);
        if (batch.edgeFlows() == null) {
            FlowInputs.require(null, NAME, "the edge flows around each visited state (edgeFlows)", "EDGE_FLOWS");
        }
        double[] stateLogReward = FlowInputs.require(batch.stateLogReward(), NAME, "per-state log-rewards (stateLogReward)",
                "LOG_REWARD");
        EdgeFlows edges = batch.edgeFlows();
        double[] logFlow = edges.logFlow();
        for (int e = 0; e < logFlow.length; e++) {
            if (!Double.isFinite(logFlow[e])) {
                throw new NonFiniteValueException("log edge flow " + e + " is " + logFlow[e]);
            }
        }
        int n = batch.size();
        int matched = 0;
        int rewarded = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k <= batch.lengths()[i]; k++) {
                int j = batch.stepOffsets()[i] + k;
                matched += k > 0 ? 1 : 0;
                rewarded += edges.exitEdge()[j] >= 0 ? 1 : 0;
            }
        }
        double[] dLogFlow = new double[logFlow.length];
        double loss = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k <= batch.lengths()[i]; k++) {
                int j = batch.stepOffsets()[i] + k;
                int exit = edges.exitEdge()[j];
                if (k > 0) {
                    double in = logSumExp(logFlow, edges.inEdges(), edges.inOffsets()[j], edges.inOffsets()[j + 1], -1);
                    double out = logSumExp(logFlow, edges.outEdges(), edges.outOffsets()[j], edges.outOffsets()[j + 1], exit);
                    double delta = in - out;
                    loss += delta * delta / matched;
                    double g = 2 * delta / matched;
                    spread(g, in, logFlow, edges.inEdges(), edges.inOffsets()[j], edges.inOffsets()[j + 1], -1, dLogFlow);
                    spread(-g, out, logFlow, edges.outEdges(), edges.outOffsets()[j], edges.outOffsets()[j + 1], exit, dLogFlow);
                }
                if (exit >= 0) {
                    double logReward = stateLogReward[j];
                    FlowInputs.requireFinite("log r", logReward, i, k);
                    double rho = logFlow[exit] - logReward;
                    loss += rho * rho / rewarded;
                    dLogFlow[exit] += 2 * rho / rewarded;
                }
            }
        }
        return new LossGradient(loss, new double[n], new double[n], 0.0, null, null, null, null, dLogFlow);
    }

    /** log Σ exp(logFlow[e]) over edges[from..to) and, when extra ≥ 0, the edge extra. */
    private static double logSumExp(double[] logFlow, int[] edges, int from, int to, int extra) {
        double max = extra >= 0 ? logFlow[extra] : Double.NEGATIVE_INFINITY;
        for (int q = from; q < to; q++) {
            max = Math.max(max, logFlow[edges[q]]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("flow matching needs at least one edge on each side of a visited state");
        }
        double sum = extra >= 0 ? Math.exp(logFlow[extra] - max) : 0;
        for (int q = from; q < to; q++) {
            sum += Math.exp(logFlow[edges[q]] - max);
        }
        return max + Math.log(sum);
    }

    /** Adds g · softmax weight to each edge of a log-sum-exp whose value is total. */
    private static void spread(double g, double total, double[] logFlow, int[] edges, int from, int to, int extra,
                               double[] out) {
        for (int q = from; q < to; q++) {
            out[edges[q]] += g * Math.exp(logFlow[edges[q]] - total);
        }
        if (extra >= 0) {
            out[extra] += g * Math.exp(logFlow[extra] - total);
        }
    }

    @Override
    public String toString() {
        return NAME;
    }
}
