package org.gfn4j.divergences.alpha;

import org.gfn4j.api.objective.ScoreFunctionObjective;
import org.gfn4j.api.objective.ScoreFunctionTerms;
import org.gfn4j.api.objective.TrajectoryBatch;
import org.gfn4j.divergences.LogRatios;

/**
 * The Rényi-α divergence D_α(P_F ‖ P_B) = 1/(α − 1) · log E_{P_F}[(P_F/P_B)^{α−1}]
 * = 1/(α − 1) · log E_{P_F}[g] + log Z, with g = exp((α − 1) λ).
 *
 * <p>Gradient: ∇D_α = E_{P_F}[∇g + g ∇s] / ((α − 1) E[g]) with ∇g = (α − 1) g ∇s; score-function
 * terms f_i = g_i, f'_i = (α − 1) g_i, scale 1 / ((α − 1) · mean_j g_j), the batch mean detached.
 * (The batch mean in the scale makes the per-batch estimate a ratio estimate: consistent, with a
 * bias of order 1/N.)
 *
 * <p>Numerics: g_i is computed as exp((α − 1) λ_i − m) with m the batch maximum of (α − 1) λ. The
 * factor exp(−m) appears in f, f' and mean g alike, so it cancels exactly in scale · f and
 * scale · f' and in leave-one-out differences: the coefficients do not depend on the shift.
 *
 * <p>Value estimate: 1/(α − 1) · log mean g + log Ẑ, log mean g in log space and
 * log Ẑ = log mean exp(−λ).
 *
 * <p>For α &lt; 0 the objective is −D_α (scale and value carry the factor sign(α) = −1), because
 * D_α itself is ≤ 0 there and maximal at the target; see {@link AlphaOrder}.
 */
public final class RenyiDivergence implements ScoreFunctionObjective {
    static final String NAME = "renyi";

    private final AlphaOrder order;

    /** @param alpha the order: finite, not 0 and not 1 */
    public RenyiDivergence(double alpha) {
        this(new AlphaOrder(alpha));
    }

    RenyiDivergence(AlphaOrder order) {
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
        // The shifted mean lies in [1/N, 1]: the scale is finite whatever the rewards.
        double scale = order.orientation() / (order.exponent() * powers.shifted().shiftedMean());
        return new ScoreFunctionTerms(g, fPrime, scale, order.orientation() * powers.renyiEstimate(order));
    }

    @Override
    public String toString() {
        return NAME + "(alpha = " + order.alpha() + ")";
    }
}
