package org.gfn4j.divergences.balance;

import org.gfn4j.api.objective.BalanceObjective;
import org.gfn4j.api.objective.LossGradient;
import org.gfn4j.api.objective.TrajectoryBatch;

/**
 * Trajectory balance (Malkin et al. 2022): L = (1/N) Σ_i (log Z + log p_F(τ_i) − log r(x_i) − log p_B(τ_i|x_i))².
 * Its exact gradient: ∂L/∂s_i = 2δ_i/N, ∂L/∂log p_B_i = −2δ_i/N, ∂L/∂log Z = 2 mean δ.
 */
public final class TrajectoryBalance implements BalanceObjective {

    @Override
    public boolean learnsLogPartition() {
        return true;
    }

    @Override
    public LossGradient lossAndGradient(TrajectoryBatch batch, double logPartition) {
        int n = batch.size();
        if (n == 0) {
            throw new IllegalArgumentException("trajectory balance needs at least one trajectory, the batch is empty");
        }
        batch.requireFinite();
        double[] dLogPF = new double[n];
        double[] dLogPB = new double[n];
        double loss = 0;
        double dLogZ = 0;
        for (int i = 0; i < n; i++) {
            double delta = logPartition + batch.logRatio(i);
            loss += delta * delta / n;
            dLogPF[i] = 2 * delta / n;
            dLogPB[i] = -2 * delta / n;
            dLogZ += 2 * delta / n;
        }
        return new LossGradient(loss, dLogPF, dLogPB, dLogZ);
    }
}
