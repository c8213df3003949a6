package org.gfn4j.divergences.balance;

import org.gfn4j.api.objective.BalanceObjective;
import org.gfn4j.api.objective.LossGradient;
import org.gfn4j.api.objective.TrajectoryBatch;
import org.gfn4j.divergences.LogRatios;

/**
 * VarGrad, the log-partition-variance loss (Richter et al. 2020; Zhang et al. 2023):
 * L = (1/N) Σ_i (λ_i − mean_j λ_j)² with λ_i = log p_F(τ_i) − log r(x_i) − log p_B(τ_i | x_i).
 *
 * <p>The batch mean of λ plays the part of −log Z (it is the optimal log Z of trajectory balance for
 * this batch), so no log Z is learned. Exact gradient: the mean's own derivative contributes
 * Σ_j (λ_j − mean λ) = 0, leaving ∂L/∂s_i = 2(λ_i − mean λ)/N, ∂L/∂log p_B_i = −2(λ_i − mean λ)/N and
 * ∂L/∂log Z = 0.
 *
 * <p>On-policy this is, up to the factor 2(N − 1)/N, the leave-one-out estimate of the reverse-KL
 * gradient's second term (see MATH.md). A batch needs at least two trajectories: the variance of one
 * number is 0 and carries no gradient, which would silently stall training.
 */
public final class VarGrad implements BalanceObjective {
    static final String NAME = "vargrad";

    @Override
    public LossGradient lossAndGradient(TrajectoryBatch batch, double logPartition) {
        double[] lambda = LogRatios.of(batch, NAME, 2);
        int n = lambda.length;
        double mean = 0;
        for (double l : lambda) {
            mean += l / n;
        }
        double[] dLogPF = new double[n];
        double[] dLogPB = new double[n];
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double centred = lambda[i] - mean;
            loss += centred * centred / n;
            dLogPF[i] = 2 * centred / n;
            dLogPB[i] = -2 * centred / n;
        }
        return new LossGradient(loss, dLogPF, dLogPB, 0.0);
    }

    @Override
    public int minimumBatchSize() {
        return 2;
    }

    @Override
    public String toString() {
        return NAME;
    }
}
