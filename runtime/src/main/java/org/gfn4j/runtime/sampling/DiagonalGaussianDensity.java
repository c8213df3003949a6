package org.gfn4j.runtime.sampling;

import java.util.SplittableRandom;

/**
 * A diagonal Gaussian over a ∈ R^d: outputs (μ_1 … μ_d, o_1 … o_d), with log σ_k = min + (max − min)
 * · sigmoid(o_k), and
 * <pre>
 *   log p(a) = Σ_k [ −½ log 2π − log σ_k − (a_k − μ_k)² / (2 σ_k²) ],
 *   ∂/∂μ_k = (a_k − μ_k) / σ_k²,     ∂/∂log σ_k = (a_k − μ_k)² / σ_k² − 1.
 * </pre>
 */
public final class DiagonalGaussianDensity implements ActionDensity {
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
    private final int dimension;
    private final BoundedLogStd logStd;

    public DiagonalGaussianDensity(int dimension, double minLogStd, double maxLogStd) {
        if (dimension < 1) {
            throw new IllegalArgumentException("an action needs at least one coordinate");
        }
        this.dimension = dimension;
        this.logStd = new BoundedLogStd(minLogStd, maxLogStd);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public int parameterCount() {
        return 2 * dimension;
    }

    @Override
    public double logDensity(float[] outputs, int offset, double[] action) {
        double sum = 0;
        for (int k = 0; k < dimension; k++) {
            double ls = logStd.logStd(outputs[offset + dimension + k]);
            double z = (action[k] - outputs[offset + k]) * Math.exp(-ls);
            sum += -HALF_LOG_2PI - ls - 0.5 * z * z;
        }
        return sum;
    }

    @Override
    public void addGradient(float[] outputs, int offset, double[] action, double coefficient, float[] gradient) {
        for (int k = 0; k < dimension; k++) {
            double o = outputs[offset + dimension + k];
            double inverseStd = Math.exp(-logStd.logStd(o));
            double z = (action[k] - outputs[offset + k]) * inverseStd;
            gradient[offset + k] += (float) (coefficient * z * inverseStd);
            gradient[offset + dimension + k] += (float) (coefficient * (z * z - 1) * logStd.derivative(o));
        }
    }

    @Override
    public double[] sample(float[] outputs, int offset, SplittableRandom random) {
        double[] a = new double[dimension];
        for (int k = 0; k < dimension; k++) {
            a[k] = outputs[offset + k] + Math.exp(logStd.logStd(outputs[offset + dimension + k]))
                    * ActionDensity.standardNormal(random);
        }
        return a;
    }

    @Override
    public String definition() {
        return "diagonal Gaussian: outputs (mu, o), log sigma = " + logStd.min() + " + (" + logStd.max() + " - "
                + logStd.min() + ") sigmoid(o)";
    }
}
