package org.gfn4j.runtime.sampling;

import java.util.SplittableRandom;

/**
 * A mixture of K diagonal Gaussians over a ∈ R^d: outputs (ℓ_1 … ℓ_K, μ_{1,1} … μ_{K,d},
 * o_{1,1} … o_{K,d}), weights w = softmax(ℓ), log σ_{k,i} = min + (max − min) · sigmoid(o_{k,i}), and
 * <pre>
 *   log p(a) = log Σ_k w_k N(a; μ_k, diag σ_k²).
 * </pre>
 * With responsibilities γ_k = w_k N_k / p(a): ∂/∂ℓ_k = γ_k − w_k, ∂/∂μ_{k,i} = γ_k (a_i − μ_{k,i}) / σ_{k,i}²,
 * ∂/∂log σ_{k,i} = γ_k ((a_i − μ_{k,i})² / σ_{k,i}² − 1). A fresh network gives all components nearly
 * the same parameters; the small random output weights break the symmetry.
 */
public final class GaussianMixtureDensity implements ActionDensity {
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
    private final int dimension;
    private final int components;
    private final BoundedLogStd logStd;

    public GaussianMixtureDensity(int dimension, int components, double minLogStd, double maxLogStd) {
        if (dimension < 1 || components < 1) {
            throw new IllegalArgumentException("a mixture needs at least one coordinate and one component");
        }
        this.dimension = dimension;
        this.components = components;
        this.logStd = new BoundedLogStd(minLogStd, maxLogStd);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    public int components() {
        return components;
    }

    @Override
    public int parameterCount() {
        return components * (1 + 2 * dimension);
    }

    private int mean(int offset, int k, int i) {
        return offset + components + k * dimension + i;
    }

    private int spread(int offset, int k, int i) {
        return offset + components + components * dimension + k * dimension + i;
    }

    /** log w_k into logWeights, log N_k(a) into logComponents; returns log p(a). */
    private double terms(float[] outputs, int offset, double[] action, double[] logWeights, double[] logComponents) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < components; k++) {
            max = Math.max(max, outputs[offset + k]);
        }
        double sum = 0;
        for (int k = 0; k < components; k++) {
            sum += Math.exp(outputs[offset + k] - max);
        }
        double logNormaliser = max + Math.log(sum);
        double top = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < components; k++) {
            logWeights[k] = outputs[offset + k] - logNormaliser;
            double l = 0;
            for (int i = 0; i < dimension; i++) {
                double ls = logStd.logStd(outputs[spread(offset, k, i)]);
                double z = (action[i] - outputs[mean(offset, k, i)]) * Math.exp(-ls);
                l += -HALF_LOG_2PI - ls - 0.5 * z * z;
            }
            logComponents[k] = l;
            top = Math.max(top, logWeights[k] + l);
        }
        double total = 0;
        for (int k = 0; k < components; k++) {
            total += Math.exp(logWeights[k] + logComponents[k] - top);
        }
        return top + Math.log(total);
    }

    @Override
    public double logDensity(float[] outputs, int offset, double[] action) {
        return terms(outputs, offset, action, new double[components], new double[components]);
    }

    @Override
    public void addGradient(float[] outputs, int offset, double[] action, double coefficient, float[] gradient) {
        double[] logWeights = new double[components];
        double[] logComponents = new double[components];
        double logP = terms(outputs, offset, action, logWeights, logComponents);
        for (int k = 0; k < components; k++) {
            double gamma = Math.exp(logWeights[k] + logComponents[k] - logP);
            gradient[offset + k] += (float) (coefficient * (gamma - Math.exp(logWeights[k])));
            for (int i = 0; i < dimension; i++) {
                double o = outputs[spread(offset, k, i)];
                double inverseStd = Math.exp(-logStd.logStd(o));
                double z = (action[i] - outputs[mean(offset, k, i)]) * inverseStd;
                gradient[mean(offset, k, i)] += (float) (coefficient * gamma * z * inverseStd);
                gradient[spread(offset, k, i)] += (float) (coefficient * gamma * (z * z - 1) * logStd.derivative(o));
            }
        }
    }

    @Override
    public double[] sample(float[] outputs, int offset, SplittableRandom random) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < components; k++) {
            max = Math.max(max, outputs[offset + k]);
        }
        double[] weights = new double[components];
        double sum = 0;
        for (int k = 0; k < components; k++) {
            weights[k] = Math.exp(outputs[offset + k] - max);
            sum += weights[k];
        }
        double u = random.nextDouble() * sum;
        int chosen = components - 1;
        for (int k = 0; k < components; k++) {
            u -= weights[k];
            if (u < 0) {
                chosen = k;
                break;
            }
        }
        double[] a = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            a[i] = outputs[mean(offset, chosen, i)] + Math.exp(logStd.logStd(outputs[spread(offset, chosen, i)]))
                    * ActionDensity.standardNormal(random);
        }
        return a;
    }

    @Override
    public String definition() {
        return components + "-component Gaussian mixture: outputs (logits, mu, o), log sigma = " + logStd.min() + " + ("
                + logStd.max() + " - " + logStd.min() + ") sigmoid(o)";
    }
}
