package com.example.gfn4j.hellinger;

import org.gfn4j.api.math.LogSpace;
import org.gfn4j.api.objective.NonFiniteValueException;
import org.gfn4j.api.objective.ScoreFunctionObjective;
import org.gfn4j.api.objective.ScoreFunctionTerms;
import org.gfn4j.api.objective.TrajectoryBatch;

/**
 * The squared Hellinger distance between the forward and backward trajectory distributions,
 * H²(P_F, P_B) = 1 − Σ_τ √(P_F(τ) P_B(τ)) = ½ Σ_τ (√P_F(τ) − √P_B(τ))², a divergence in [0, 1].
 *
 * <p><b>Derivation</b> (MATH.md's notation: s = log p_F(τ; θ), ℓ = log r(x) + log p_B(τ | x),
 * λ = s − ℓ, P_B(τ) = r(x) p_B(τ | x) / Z, p_B fixed). The density ratio is
 * P_B/P_F = exp(ℓ − s)/Z = exp(−λ)/Z, so
 * <pre>
 *   H² = 1 − E_{P_F}[ √(P_B/P_F) ] = 1 − Z^{−1/2} · E_{P_F}[ h ],   h = exp(−λ/2).
 * </pre>
 * h depends on θ only through s: ∇h = −½ h ∇s. The score-function (REINFORCE) identity
 * ∇E_{P_F}[h] = E_{P_F}[∇h + h ∇s] gives
 * <pre>
 *   ∇H² = −Z^{−1/2} · E_{P_F}[ ∇h + h ∇s ] = −Z^{−1/2} · E_{P_F}[ (f' + f) ∇s ] = −½ Z^{−1/2} · E_{P_F}[ h ∇s ],
 * </pre>
 * which is the form gfn4j's estimators take: <b>f = h = exp(−λ/2), f' = ∂f/∂s = −½ h, scale −1</b>
 * (the positive constant Z^{−1/2} is dropped, as Tsallis drops Z^{α−1}: Adam absorbs it). Any
 * estimator applies: the leave-one-out baseline to the f term, the score control variate to the f' term.
 *
 * <p><b>Relation to Tsallis.</b> H² is exactly half the Tsallis divergence of order ½:
 * T_½(P_F‖P_B) = (E_{P_F}[(P_F/P_B)^{−½}] − 1)/(−½) = 2 (1 − E_{P_F}[√(P_B/P_F)]) = 2 H². So its
 * coefficients are half of {@code tsallis} with α = 0.5, and with Adam it trains almost exactly as
 * that objective does. It is here to show how a plugin adds an objective, not as a new method.
 *
 * <p><b>Numerics.</b> h can overflow when λ is very negative (log-rewards in the hundreds), so h_i is
 * computed as exp(−λ_i/2 − m) with m = max_j (−λ_j/2): every f_i lies in (0, 1]. As for Tsallis,
 * each batch's gradient <em>direction</em> is exact and its <em>scale</em> carries the batch
 * factor exp(−m).
 *
 * <p><b>Value estimate</b> (for logging): Ĥ² = 1 − mean_i exp(−λ_i/2) / √(mean_i exp(−λ_i)), the
 * ratio of the importance-sampling estimates of E_{P_F}[h] = Z^{1/2} (1 − H²) and of
 * Z = E_{P_F}[exp(−λ)]: consistent, computed in log space, and always in [0, 1] because
 * (mean h)² ≤ mean h² (Cauchy–Schwarz). It is 0 when P_F = P_B (λ is then constant).
 */
public final class SquaredHellinger implements ScoreFunctionObjective {
    static final String NAME = "hellinger";

    @Override
    public ScoreFunctionTerms terms(TrajectoryBatch batch) {
        int n = batch.size();
        if (n == 0) {
            throw new IllegalArgumentException(NAME + " needs at least 1 trajectory, the batch is empty");
        }
        batch.requireFinite();
        double[] halfNegLambda = new double[n];
        double[] negLambda = new double[n];
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double lambda = batch.logRatio(i);
            if (!Double.isFinite(lambda)) {
                throw new NonFiniteValueException("log-ratio λ of trajectory " + i + " is " + lambda);
            }
            negLambda[i] = -lambda;
            halfNegLambda[i] = -0.5 * lambda;
            m = Math.max(m, halfNegLambda[i]);
        }
        double[] f = new double[n];
        double[] fPrime = new double[n];
        for (int i = 0; i < n; i++) {
            f[i] = Math.exp(halfNegLambda[i] - m);
            fPrime[i] = -0.5 * f[i];
        }
        return new ScoreFunctionTerms(f, fPrime, -1.0, valueEstimate(halfNegLambda, negLambda));
    }

    /** 1 − mean exp(−λ/2) / √(mean exp(−λ)), in log space, clamped to [0, 1] against rounding. */
    static double valueEstimate(double[] halfNegLambda, double[] negLambda) {
        double logRatio = LogSpace.logMeanExp(halfNegLambda) - 0.5 * LogSpace.logMeanExp(negLambda);
        return Math.max(0.0, Math.min(1.0, -Math.expm1(logRatio)));
    }

    @Override
    public String toString() {
        return NAME;
    }
}
