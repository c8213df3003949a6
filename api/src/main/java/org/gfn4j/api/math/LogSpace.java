package org.gfn4j.api.math;

/**
 * Log-space arithmetic that never overflows: every sum of exponentials is shifted by its maximum.
 * {@code -Infinity} stands for probability zero and is handled exactly.
 */
public final class LogSpace {
    private LogSpace() {
    }

    /** log Σ exp(x_i); {@code -Infinity} for an empty array or when every entry is {@code -Infinity}. */
    public static double logSumExp(double[] x) {
        return logSumExp(x, 0, x.length);
    }

    /** log Σ exp(x_i) over {@code x[from, to)}. */
    public static double logSumExp(double[] x, int from, int to) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            if (x[i] > max) {
                max = x[i];
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        if (max == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += Math.exp(x[i] - max);
        }
        return max + Math.log(sum);
    }

    /** log of the mean of exp(x_i). */
    public static double logMeanExp(double[] x) {
        if (x.length == 0) {
            throw new IllegalArgumentException("logMeanExp of an empty array");
        }
        return logSumExp(x) - Math.log(x.length);
    }

    /** log(exp(a) + exp(b)). */
    public static double logAddExp(double a, double b) {
        double max = Math.max(a, b);
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        return max + Math.log(Math.exp(a - max) + Math.exp(b - max));
    }
}
