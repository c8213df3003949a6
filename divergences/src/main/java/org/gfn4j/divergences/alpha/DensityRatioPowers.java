package org.gfn4j.divergences.alpha;

import org.gfn4j.api.math.LogSpace;
import org.gfn4j.divergences.ShiftedExponentials;

/**
 * What both α-divergences compute from a batch: g_i = exp((α − 1) λ_i), the (α − 1)-th power of the
 * unnormalised density ratio p_F / (p_B r), shifted by its batch maximum, plus the estimates of
 * log E[g] and log Z that their value estimates need.
 *
 * @param shifted        g_i · exp(−m) with m = max_j (α − 1) λ_j; the largest is exactly 1
 * @param logPartition   log Ẑ = log mean exp(−λ_i), the importance-sampling estimate of log Z
 */
record DensityRatioPowers(ShiftedExponentials shifted, double logPartition) {

    static DensityRatioPowers of(double[] lambda, AlphaOrder order) {
        int n = lambda.length;
        double[] exponents = new double[n];
        double[] negLambda = new double[n];
        for (int i = 0; i < n; i++) {
            exponents[i] = order.exponent() * lambda[i];
            negLambda[i] = -lambda[i];
        }
        return new DensityRatioPowers(ShiftedExponentials.of(exponents), LogSpace.logMeanExp(negLambda));
    }

    /** g_i · exp(−m). */
    double[] values() {
        return shifted.values();
    }

    /** ∂g_i/∂s_i = (α − 1) g_i (shifted like {@link #values()}): both divergences' first-term coefficient. */
    double[] derivatives(AlphaOrder order) {
        double[] g = values();
        double[] fPrime = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            fPrime[i] = order.exponent() * g[i];
        }
        return fPrime;
    }

    /**
     * The Rényi divergence estimate 1/(α − 1) · log mean g + log Ẑ, with mean g taken unshifted in
     * log space (so it never overflows).
     */
    double renyiEstimate(AlphaOrder order) {
        return shifted.logMean() / order.exponent() + logPartition;
    }
}
