package org.gfn4j.api.objective;

/**
 * The score-function form of a divergence's gradient on one batch:
 * ∇D ≈ scale · (1/N) Σ_i [ fPrime_i + f_i ] ∇s_i before any control variate.
 *
 * <p>For numerical safety {@code f} may be shifted or rescaled per batch (documented per divergence);
 * the combination {@code scale · f} keeps the exact direction.
 *
 * @param f             f_i (held constant for differentiation)
 * @param fPrime        ∂f_i/∂s_i, the first-term coefficient
 * @param scale         the scaling of the whole gradient (e.g. −1 for forward KL)
 * @param valueEstimate an estimate of the divergence's value for logging
 */
public record ScoreFunctionTerms(double[] f, double[] fPrime, double scale, double valueEstimate) {

    public ScoreFunctionTerms {
        if (f.length != fPrime.length) {
            throw new IllegalArgumentException("f and fPrime differ in length");
        }
        for (int i = 0; i < f.length; i++) {
            if (!Double.isFinite(f[i]) || !Double.isFinite(fPrime[i])) {
                throw new NonFiniteValueException("score-function term of trajectory " + i + " is not finite: f = "
                        + f[i] + ", f' = " + fPrime[i]);
            }
        }
        if (!Double.isFinite(scale)) {
            throw new NonFiniteValueException("score-function scale is " + scale);
        }
        if (Double.isNaN(valueEstimate)) {
            throw new NonFiniteValueException("divergence value estimate is NaN");
        }
    }

    public int size() {
        return f.length;
    }
}
