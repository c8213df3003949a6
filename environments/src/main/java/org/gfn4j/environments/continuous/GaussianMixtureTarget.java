package org.gfn4j.environments.continuous;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Equally weighted isotropic Gaussians in the plane with means on a square grid:
 * means {c_1 … c_m}², each with variance v per coordinate, and
 * <pre>
 *   log r(x) = log Σ_k exp(−|x − μ_k|² / (2v)),      log Z = log(K · 2π v),  K = m².
 * </pre>
 * With the defaults (c = −5, 0, 5 and v = 0.3) that is 9 Gaussians on a 3 × 3 grid.
 */
public final class GaussianMixtureTarget implements TargetDensity {
    private final double[][] means;
    private final double variance;
    private final double logPartition;

    public GaussianMixtureTarget(double[] centers, double variance) {
        if (centers.length == 0 || !(variance > 0)) {
            throw new IllegalArgumentException("a mixture needs centers and a positive variance");
        }
        means = new double[centers.length * centers.length][];
        int k = 0;
        for (double a : centers) {
            for (double b : centers) {
                means[k++] = new double[] {a, b};
            }
        }
        this.variance = variance;
        this.logPartition = Math.log(means.length * 2 * Math.PI * variance);
    }

    public double[][] means() {
        double[][] copy = new double[means.length][];
        for (int k = 0; k < means.length; k++) {
            copy[k] = means[k].clone();
        }
        return copy;
    }

    public double variance() {
        return variance;
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double logDensity(double[] x) {
        double max = Double.NEGATIVE_INFINITY;
        double[] terms = new double[means.length];
        for (int k = 0; k < means.length; k++) {
            double dx = x[0] - means[k][0];
            double dy = x[1] - means[k][1];
            terms[k] = -(dx * dx + dy * dy) / (2 * variance);
            max = Math.max(max, terms[k]);
        }
        double sum = 0;
        for (double t : terms) {
            sum += Math.exp(t - max);
        }
        return max + Math.log(sum);
    }

    @Override
    public double logPartition() {
        return logPartition;
    }

    @Override
    public double[] sample(SplittableRandom random) {
        double[] mean = means[random.nextInt(means.length)];
        double sd = Math.sqrt(variance);
        return new double[] {mean[0] + sd * StandardNormal.draw(random), mean[1] + sd * StandardNormal.draw(random)};
    }

    @Override
    public String describe() {
        double[] centers = new double[(int) Math.round(Math.sqrt(means.length))];
        for (int i = 0; i < centers.length; i++) {
            centers[i] = means[i * centers.length][0];
        }
        return String.format(Locale.ROOT, "%d Gaussians, means %s^2, variance %s", means.length,
                Arrays.toString(centers), variance);
    }
}
