package org.gfn4j.runtime.sampling;

import java.util.SplittableRandom;

/**
 * A policy head for continuous actions: reads one row of network outputs as the parameters of a
 * density over increments a ∈ R^d, and gives log p(a), its gradient with respect to the outputs, and
 * draws. Everything is computed in double precision from the network's float outputs. The
 * continuous counterpart of {@link MaskedLogSoftmax}.
 */
public interface ActionDensity {

    /** The dimension d of an action. */
    int dimension();

    /** Network outputs per row that parameterise one density. */
    int parameterCount();

    /** log p(a) for the density given by {@code outputs[offset .. offset + parameterCount())}. */
    double logDensity(float[] outputs, int offset, double[] action);

    /**
     * Adds {@code coefficient · ∂ log p(a)/∂outputs} to {@code gradient[offset .. offset + parameterCount())}.
     */
    void addGradient(float[] outputs, int offset, double[] action, double coefficient, float[] gradient);

    /** A draw from the density. */
    double[] sample(float[] outputs, int offset, SplittableRandom random);

    /** What the head computes, for logs and docs. */
    String definition();

    /** A standard normal draw (Box–Muller, one value per call). */
    static double standardNormal(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
