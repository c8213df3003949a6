package org.gfn4j.estimators;

import java.util.Arrays;
import org.gfn4j.api.estimator.GradientOracle;
import org.gfn4j.api.objective.NonFiniteValueException;

/**
 * The score control variate of the first term E[∇f] = E[f' ∇s] (the paper's Proposition 2): since
 * E[∇s] = 0, any multiple of ∇s can be subtracted, and the variance-minimising multiple is
 * estimated from a set of trajectories S as
 * â = ⟨Σ_{i∈S} ∇s_i, Σ_{i∈S} f'_i ∇s_i⟩ / (ε + ‖Σ_{i∈S} ∇s_i‖²).
 *
 * <p>Both vectors live in parameter space, so each costs one backward pass (one
 * {@link GradientOracle#gradient} call). Two cases are cheaper and give the same number: when every
 * f'_i is 0 (forward KL) â = 0 without any pass, and when every f'_i equals one constant k
 * (reverse KL, k = 1) the second vector is k times the first, so â = k‖G‖²/(ε + ‖G‖²) from one pass.
 */
public final class ScoreControlVariate {
    private ScoreControlVariate() {
    }

    /**
     * â over the trajectories {@code [from, to)} of a batch of {@code fPrime.length}.
     *
     * @param epsilon keeps the quotient finite when the score gradients cancel (ε &gt; 0)
     */
    public static double coefficient(double[] fPrime, int from, int to, GradientOracle oracle, double epsilon) {
        int n = fPrime.length;
        double first = fPrime[from];
        boolean constant = true;
        for (int i = from; i < to; i++) {
            constant &= fPrime[i] == first;
        }
        if (constant && first == 0.0) {
            return 0.0;
        }
        double[] indicator = new double[n];
        Arrays.fill(indicator, from, to, 1.0);
        double[] scoreSum = requireFinite(oracle.gradient(indicator), "sum of score gradients");
        double scoreNorm = dot(scoreSum, scoreSum);
        double a;
        if (constant) {
            a = first * scoreNorm / (epsilon + scoreNorm);
        } else {
            double[] weights = new double[n];
            System.arraycopy(fPrime, from, weights, from, to - from);
            double[] firstTermSum = requireFinite(oracle.gradient(weights), "sum of f'-weighted score gradients");
            if (firstTermSum.length != scoreSum.length) {
                throw new IllegalStateException("the gradient oracle returned vectors of lengths " + scoreSum.length
                        + " and " + firstTermSum.length + " for the same parameters");
            }
            a = dot(scoreSum, firstTermSum) / (epsilon + scoreNorm);
        }
        if (!Double.isFinite(a)) {
            throw new NonFiniteValueException("score control variate coefficient â is " + a
                    + " (‖Σ∇s‖² = " + scoreNorm + ")");
        }
        return a;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += a[k] * b[k];
        }
        return sum;
    }

    private static double[] requireFinite(double[] gradient, String what) {
        for (int k = 0; k < gradient.length; k++) {
            if (!Double.isFinite(gradient[k])) {
                throw new NonFiniteValueException(what + " from the gradient oracle is " + gradient[k]
                        + " at parameter " + k);
            }
        }
        return gradient;
    }
}
