package org.gfn4j.api.env;

import java.util.Arrays;

/**
 * An axis-aligned box [lower_k, upper_k] per coordinate, on which a continuous environment's
 * terminal distribution is evaluated and plotted.
 */
public record EvaluationBox(double[] lower, double[] upper) {

    public EvaluationBox {
        if (lower.length != upper.length || lower.length == 0) {
            throw new IllegalArgumentException("a box needs as many lower as upper bounds, at least one: "
                    + Arrays.toString(lower) + ", " + Arrays.toString(upper));
        }
        for (int k = 0; k < lower.length; k++) {
            if (!(lower[k] < upper[k]) || !Double.isFinite(lower[k]) || !Double.isFinite(upper[k])) {
                throw new IllegalArgumentException("box side " + k + " must be finite with lower < upper, got ["
                        + lower[k] + ", " + upper[k] + "]");
            }
        }
        lower = lower.clone();
        upper = upper.clone();
    }

    /** The same interval [lower, upper] on each of {@code dimension} coordinates. */
    public static EvaluationBox cube(int dimension, double lower, double upper) {
        double[] lo = new double[dimension];
        double[] hi = new double[dimension];
        Arrays.fill(lo, lower);
        Arrays.fill(hi, upper);
        return new EvaluationBox(lo, hi);
    }

    public int dimension() {
        return lower.length;
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    /** {@code [lo, hi]^d} when every side is the same interval, else the sides joined by {@code x}. */
    @Override
    public String toString() {
        if (java.util.Arrays.stream(lower).allMatch(v -> v == lower[0]) && java.util.Arrays.stream(upper).allMatch(v -> v == upper[0])) {
            return "[" + lower[0] + ", " + upper[0] + "]" + (lower.length > 1 ? "^" + lower.length : "");
        }
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < lower.length; k++) {
            b.append(k == 0 ? "" : " x ").append('[').append(lower[k]).append(", ").append(upper[k]).append(']');
        }
        return b.toString();
    }
}
