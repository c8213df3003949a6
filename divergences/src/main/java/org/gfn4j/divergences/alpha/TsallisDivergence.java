package org.gfn4j.divergences.alpha;

import org.gfn4j.api.objective.ScoreFunctionObjective;
import org.gfn4j.api.objective.ScoreFunctionTerms;
import org.gfn4j.api.objective.TrajectoryBatch;
import org.gfn4j.divergences.LogRatios;

/**
 * The Tsallis-α divergence T_α(P_F ‖ P_B) = 1/(α − 1) · (E_{P_F}[(P_F/P_B)^{α−1}] − 1)
 * = 1/(α − 1) · (Z^{α−1} E_{P_F}[g] − 1), with g = exp((α − 1) λ).
 *
 * <p>Gradient: ∇T_α = Z^{α−1}/(α − 1) · E_{P_F}[∇g + g ∇s]; score-function terms f_i = g_i,
 * f'_i = (α − 1) g_i, scale 1/(α − 1); the positive factor Z^{α−1} is dropped.
 *
 * <p>Numerics, a per-batch normalisation (our choice, MATH.md): g_i is computed as
 * exp((α − 1) λ_i − m) with m the batch maximum of (α − 1) λ, so the largest f_i is 1. Unlike in
 * Rényi nothing divides the shift out: each batch's update <em>direction</em> is exact but its
 * <em>scale</em> carries the batch-dependent factor exp(−m) (times the dropped Z^{α−1}). Without the
 * shift g overflows as soon as (α − 1) λ exceeds about 709, which log-rewards spanning hundreds of
 * nats make common.
 *
 * <p>Value estimate: (exp((α − 1) R̂) − 1)/(α − 1) with R̂ the Rényi estimate of the same batch (the
 * exact relation between the two divergences). For α > 1 and astronomically large divergences it
 * saturates at ±{@link Double#MAX_VALUE} rather than overflowing.
 *
 * <p>For α &lt; 0 the objective is −T_α (scale and value carry the factor sign(α) = −1), because
 * T_α itself is ≤ 0 there and maximal at the target; see {@link AlphaOrder}.
 */
public final class TsallisDivergence implements ScoreFunctionObjective {
    static final String NAME = "tsallis";

    private final AlphaOrder order;

    /** @param alpha the order: finite, not 0 and not 1 */
    public TsallisDivergence(double alpha) {
        this(new AlphaOrder(alpha));
    }

    TsallisDivergence(AlphaOrder order) {
        this.order = order;
    }

    public double alpha() {
        return order.alpha();
    }

    @Override
    public ScoreFunctionTerms terms(TrajectoryBatch batch) {
        double[] lambda = LogRatios.of(batch, NAME, 1);
        DensityRatioPowers powers = DensityRatioPowers.of(lambda, order);
        double[] g = powers.values();
        double[] fPrime = powers.derivatives(order);
        return new ScoreFunctionTerms(g, fPrime, order.orientation() / order.exponent(),
                order.orientation() * valueEstimate(powers));
    }

    private double valueEstimate(DensityRatioPowers powers) {
        double exponent = order.exponent() * powers.renyiEstimate(order);
        // The exponent is finite, so expm1 gives a finite number or +∞ (never NaN); clamp the ∞.
        double value = Math.expm1(exponent) / order.exponent();
        return Math.max(-Double.MAX_VALUE, Math.min(Double.MAX_VALUE, value));
    }

    @Override
    public String toString() {
        return NAME + "(alpha = " + order.alpha() + ")";
    }
}
