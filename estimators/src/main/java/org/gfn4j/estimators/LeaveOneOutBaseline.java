package org.gfn4j.estimators;

/**
 * The leave-one-out (RLOO) baseline of the second term E[f ∇s]: trajectory i is compared with the
 * mean of the others, baseline_i = (1/(N − 1)) Σ_{j≠i} f_j. The baseline does not depend on τ_i, so
 * subtracting it keeps the estimate unbiased; it needs N ≥ 2.
 *
 * <p>Computed as f_i − baseline_i = (N/(N − 1)) (f_i − mean f), which needs one pass and does not
 * form the N sums separately.
 */
public final class LeaveOneOutBaseline {
    private LeaveOneOutBaseline() {
    }

    /** f_i − baseline_i for every i; {@code f} must hold at least two values. */
    public static double[] centred(double[] f) {
        int n = f.length;
        if (n < 2) {
            throw new IllegalArgumentException("the leave-one-out baseline needs at least 2 trajectories per batch, got "
                    + n + ": with one trajectory there is no other to compare it with");
        }
        double mean = 0;
        for (double v : f) {
            mean += v / n;
        }
        double factor = (double) n / (n - 1);
        double[] centred = new double[n];
        for (int i = 0; i < n; i++) {
            centred[i] = factor * (f[i] - mean);
        }
        return centred;
    }
}
