package org.gfn4j.environments.continuous;

/**
 * The fixed backward kernel of the continuous environments: the time reversal of a Brownian motion
 * started at x_0 = 0 with independent N(0, σ_B² I) increments per step.
 *
 * <p>For such a walk, x_t and x_{t+1} − x_t are independent with variances t σ_B² and σ_B², so
 * conditioning x_t on x_{t+1} = y (a Gaussian regression) gives the Brownian bridge back to 0:
 * <pre>
 *   p_B(x_t | x_{t+1}) = N(x_t ; x_{t+1} · t/(t+1),  σ_B² · t/(t+1) · I)    for t = 1 .. T−1,
 *   p_B(x_0 | x_1)     = δ(x_0 = 0)                                           (t = 0: mean 0, variance 0),
 * </pre>
 * so every backward trajectory ends at the forward process's fixed start, and the t = 0 factor is a
 * point mass on both sides that contributes 0 to log p_B. Multiplying the factors gives the
 * closed form used in tests: p_B(τ | x_T) = Π_{t&lt;T} N(x_{t+1} − x_t; 0, σ_B²) / N(x_T; 0, T σ_B²).
 */
public final class BrownianBridgeKernel {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final double std;

    /** @param std σ_B, the standard deviation per step and coordinate of the reference walk */
    public BrownianBridgeKernel(double std) {
        if (!(std > 0) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("the backward kernel's std must be positive and finite, got " + std);
        }
        this.std = std;
    }

    public double std() {
        return std;
    }

    /**
     * log p_B(x_t = parent | x_{t+1} = child), where {@code t} is the parent's step; 0 for t = 0
     * (a parent at step 0 must be the origin, which the caller's trajectory guarantees).
     */
    public double logDensity(double[] parent, double[] child, int t) {
        if (t == 0) {
            return 0.0;
        }
        double shrink = (double) t / (t + 1);
        double variance = std * std * shrink;
        double sum = 0;
        for (int k = 0; k < parent.length; k++) {
            double z = parent[k] - child[k] * shrink;
            sum += z * z;
        }
        return -0.5 * (parent.length * (LOG_2PI + Math.log(variance)) + sum / variance);
    }

    /** Draws x_t given x_{t+1} = child, t the parent's step (the origin for t = 0). */
    public double[] sample(double[] child, int t, java.util.SplittableRandom random) {
        double[] parent = new double[child.length];
        if (t == 0) {
            return parent;
        }
        double shrink = (double) t / (t + 1);
        double sd = std * Math.sqrt(shrink);
        for (int k = 0; k < child.length; k++) {
            parent[k] = child[k] * shrink + sd * StandardNormal.draw(random);
        }
        return parent;
    }
}
