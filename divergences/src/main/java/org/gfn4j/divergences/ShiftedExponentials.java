package org.gfn4j.divergences;

/**
 * exp(x_i − m) with m = max_j x_j: exponentials of numbers that may be in the hundreds or
 * thousands, stored relative to their largest member so that every value lies in (0, 1] and the
 * largest is exactly 1. Nothing overflows, and at least one value never underflows, so sums and
 * means of the shifted values are always finite and positive.
 *
 * @param values exp(x_i − shift), each in [0, 1]
 * @param shift  m = max_j x_j, the log of the factor dropped from every value
 */
public record ShiftedExponentials(double[] values, double shift) {

    /** exp(x_i − max x); {@code exponents} must be non-empty and finite. */
    public static ShiftedExponentials of(double[] exponents) {
        if (exponents.length == 0) {
            throw new IllegalArgumentException("no exponents to shift");
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double x : exponents) {
            max = Math.max(max, x);
        }
        double[] values = new double[exponents.length];
        for (int i = 0; i < exponents.length; i++) {
            values[i] = Math.exp(exponents[i] - max);
        }
        return new ShiftedExponentials(values, max);
    }

    /** The mean of the shifted values, in [1/N, 1]. */
    public double shiftedMean() {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** log mean_i exp(x_i) of the unshifted exponentials, computed without overflow. */
    public double logMean() {
        return shift + Math.log(shiftedMean());
    }
}
