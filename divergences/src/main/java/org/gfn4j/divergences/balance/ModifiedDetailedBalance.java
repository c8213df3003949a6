package org.gfn4j.divergences.balance;

import java.util.Set;
import org.gfn4j.api.objective.BalanceObjective;
import org.gfn4j.api.objective.LossGradient;
import org.gfn4j.api.objective.StateQuantity;
import org.gfn4j.api.objective.TrajectoryBatch;

/**
 * Modified detailed balance (Deleu et al. 2022, DAG-GFlowNet), for environments where every state
 * may exit (DAG structure learning, hypergrids): the state flow is eliminated with
 * F(s) = r(s) / p_F(exit | s), so no flow network is needed. Every move s → s' should satisfy
 * <pre>
 *   log r(s') + log p_B(s|s') + log p_F(exit|s) = log r(s) + log p_F(s'|s) + log p_F(exit|s').
 * </pre>
 * L = (1/M) Σ_moves δ² with δ the left side minus the right side and M the number of non-exit
 * transitions in the batch; exit transitions carry no term. A batch whose trajectories all stop at
 * s_0 has no move: its loss is 0 with a zero gradient (documented, not an error: such batches are
 * legitimate samples). A visited state where exit is invalid is an error, because the
 * reparametrisation needs r(s).
 * Exact gradient with g = 2δ/M: ∂/∂log p_B(step) = g, ∂/∂log p_F(step) = −g,
 * ∂/∂log p_F(exit|s) = g, ∂/∂log p_F(exit|s') = −g.
 */
public final class ModifiedDetailedBalance implements BalanceObjective {
    static final String NAME = "modified-db";

    @Override
    public Set<StateQuantity> stateQuantities() {
        return Set.of(StateQuantity.LOG_REWARD, StateQuantity.LOG_EXIT_PROBABILITY);
    }

    @Override
    public LossGradient lossAndGradient(TrajectoryBatch batch, double logPartition) {
        FlowInputs.requireNonEmpty(batch, NAME);
        double[] logReward = FlowInputs.require(batch.stateLogReward(), NAME, "per-state log-rewards (stateLogReward)",
                "LOG_REWARD");
        double[] logExit = FlowInputs.require(batch.stateLogExitProbability(), NAME,
                "per-state exit log-probabilities (stateLogExitProbability)", "LOG_EXIT_PROBABILITY");
        FlowInputs.requireFiniteSteps(batch);
        int n = batch.size();
        int total = batch.stateCount();
        int moves = 0;
        for (int i = 0; i < n; i++) {
            moves += batch.lengths()[i];
            for (int k = 0; k <= batch.lengths()[i]; k++) {
                int r = batch.stepOffsets()[i] + k;
                if (Double.isNaN(logReward[r]) || logExit[r] == Double.NEGATIVE_INFINITY) {
                    throw new IllegalArgumentException("modified-db needs every visited state to be able to exit, but state "
                            + k + " of trajectory " + i + " cannot: use db or subtb for this environment");
                }
                FlowInputs.requireFinite("log r", logReward[r], i, k);
                FlowInputs.requireFinite("log p_F(exit)", logExit[r], i, k);
            }
        }
        double[] dStepLogPF = new double[total];
        double[] dStepLogPB = new double[total];
        double[] dLogExit = new double[total];
        double loss = 0;
        for (int i = 0; i < n; i++) {
            int offset = batch.stepOffsets()[i];
            for (int k = 0; k < batch.lengths()[i]; k++) {
                int r = offset + k;
                double delta = logReward[r + 1] + batch.stepLogPB()[r] + logExit[r]
                        - logReward[r] - batch.stepLogPF()[r] - logExit[r + 1];
                loss += delta * delta / moves;
                double g = 2 * delta / moves;
                dStepLogPB[r] += g;
                dStepLogPF[r] -= g;
                dLogExit[r] += g;
                dLogExit[r + 1] -= g;
            }
        }
        return new LossGradient(loss, new double[n], new double[n], 0.0, dStepLogPF, dStepLogPB, null, dLogExit, null);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
