package org.gfn4j.runtime.sampling;

/**
 * The map from a network output o to a log standard deviation in a documented range:
 * log σ = min + (max − min) · sigmoid(o). Smooth, so the gradient never vanishes abruptly as a hard
 * clamp's would; a fresh network (o ≈ 0) starts at the middle of the range.
 */
record BoundedLogStd(double min, double max) {

    BoundedLogStd {
        if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("log-std range must be finite with min < max, got [" + min + ", " + max + "]");
        }
    }

    double logStd(double output) {
        return min + (max - min) * sigmoid(output);
    }

    /** d log σ / d o. */
    double derivative(double output) {
        double s = sigmoid(output);
        return (max - min) * s * (1 - s);
    }

    private static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }
}
