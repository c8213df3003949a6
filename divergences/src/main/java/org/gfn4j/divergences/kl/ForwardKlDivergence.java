package org.gfn4j.divergences.kl;

import org.gfn4j.api.objective.ScoreFunctionObjective;
import org.gfn4j.api.objective.ScoreFunctionTerms;
import org.gfn4j.api.objective.TrajectoryBatch;
import org.gfn4j.divergences.LogRatios;
import org.gfn4j.divergences.ShiftedExponentials;

/**
 * The forward (mass-covering) Kullback–Leibler divergence KL(P_B ‖ P_F), estimated on-policy by
 * importance weighting: P_B(τ)/P_F(τ) = w(τ)/Z with w = exp(ℓ − s) = exp(−λ).
 *
 * <p>Gradient: ∇KL(P_B ‖ P_F) = −E_{P_B}[∇s] = −(1/Z) E_{P_F}[w ∇s]. Score-function terms:
 * f_i = w_i (held constant), f'_i = 0 (there is no first term), scale −1; the positive factor 1/Z
 * is dropped.
 *
 * <p>Numerics, a per-batch normalisation: w_i = exp(−λ_i) can overflow, so f_i = exp(−λ_i − m)
 * with m = max_j(−λ_j) of the batch. The largest f_i is 1. The update <em>direction</em> of each
 * batch is exact; its <em>scale</em> is multiplied by the batch-dependent factor exp(−m)/Z, so the
 * mean over batches estimates a positive multiple of the gradient only up to that per-batch factor.
 * Adaptive optimisers absorb a constant factor; this one varies from batch to batch (a documented
 * choice, see MATH.md).
 *
 * <p>Value estimate: the self-normalised importance estimate
 * Σ_i ŵ_i (−λ_i) − log Ẑ with ŵ_i = w_i / Σ_j w_j and log Ẑ = log mean w. It equals the KL divergence
 * between the normalised weights and the uniform distribution on the batch, so it is finite and
 * never negative; consistent, biased for finite N.
 */
public final class ForwardKlDivergence implements ScoreFunctionObjective {
    static final String NAME = "forward-kl";

    @Override
    public ScoreFunctionTerms terms(TrajectoryBatch batch) {
        double[] lambda = LogRatios.of(batch, NAME, 1);
        int n = lambda.length;
        double[] logWeights = new double[n];
        for (int i = 0; i < n; i++) {
            logWeights[i] = -lambda[i];
        }
        ShiftedExponentials weights = ShiftedExponentials.of(logWeights);
        double[] f = weights.values();
        double weightSum = weights.shiftedMean() * n;
        double value = 0;
        for (int i = 0; i < n; i++) {
            value += f[i] / weightSum * logWeights[i];
        }
        value -= weights.logMean();
        // Rounding can leave a tiny negative number where the exact value is 0 (all weights equal).
        value = Math.max(0.0, value);
        return new ScoreFunctionTerms(f, new double[n], -1.0, value);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
