package org.gfn4j.divergences.balance;

import java.util.Set;
import org.gfn4j.api.objective.BalanceObjective;
import org.gfn4j.api.objective.LossGradient;
import org.gfn4j.api.objective.StateQuantity;
import org.gfn4j.api.objective.TrajectoryBatch;

/**
 * Detailed balance (Bengio et al. 2023, "GFlowNet Foundations"), with a learned state flow log F(s):
 * every transition s → s' of every trajectory should satisfy F(s) p_F(s'|s) = F(s') p_B(s|s').
 * <p>L = (1/T) Σ_transitions δ², T the number of transitions in the batch (exit transitions
 * included), with
 * <ul>
 *   <li>δ = log F(s_k) + log p_F(s_{k+1}|s_k) − log F(s_{k+1}) − log p_B(s_k|s_{k+1}) for a move, and</li>
 *   <li>δ = log F(x) + log p_F(exit|x) − log r(x) for the exit transition: the sink side of the exit
 *       edge carries flow r(x) (and p_B(x | s_f) = 1), so at terminal states F(x → s_f) = r(x).</li>
 * </ul>
 * Where exit and further moves are both valid at x (a hypergrid point), F(x) = r(x) + Σ_children F(x → c):
 * the exit edge's flow is the reward. The flow at s_0 estimates Z. Exact gradient: with g = 2δ/T,
 * ∂L/∂log p_F(step) = g, ∂L/∂log p_B(step) = −g, ∂L/∂log F(s_k) = g, ∂L/∂log F(s_{k+1}) = −g.
 * No log Z is learned: log F(s_0) plays its part.
 */
public final class DetailedBalance implements BalanceObjective {
    static final String NAME = "db";

    @Override
    public Set<StateQuantity> stateQuantities() {
        return Set.of(StateQuantity.LOG_FLOW);
    }

    @Override
    public LossGradient lossAndGradient(TrajectoryBatch batch, double logPartition) {
        FlowInputs.requireNonEmpty(batch, NAME);
        double[] logFlow = FlowInputs.require(batch.stateLogFlow(), NAME, "per-state log-flows (stateLogFlow)", "LOG_FLOW");
        FlowInputs.requireFiniteSteps(batch);
        int n = batch.size();
        int total = batch.stateCount();
        double[] dStepLogPF = new double[total];
        double[] dStepLogPB = new double[total];
        double[] dLogFlow = new double[total];
        double loss = 0;
        for (int i = 0; i < n; i++) {
            int offset = batch.stepOffsets()[i];
            int length = batch.lengths()[i];
            for (int k = 0; k <= length; k++) {
                int r = offset + k;
                FlowInputs.requireFinite("log F", logFlow[r], i, k);
                double next = k < length ? logFlow[r + 1] : batch.logReward()[i];
                double delta = logFlow[r] + batch.stepLogPF()[r] - batch.stepLogPB()[r] - next;
                loss += delta * delta / total;
                double g = 2 * delta / total;
                dStepLogPF[r] += g;
                dStepLogPB[r] -= g;
                dLogFlow[r] += g;
                if (k < length) {
                    dLogFlow[r + 1] -= g;
                }
            }
        }
        return new LossGradient(loss, new double[n], new double[n], 0.0, dStepLogPF, dStepLogPB, dLogFlow, null, null);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
