package org.gfn4j.runtime.training;

/**
 * Adam (Kingma &amp; Ba 2015) with bias correction, on a flat parameter vector. Moments are kept in
 * double precision; parameters stay float like the network's.
 */
public final class Adam {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double learningRate;
    private final double[] m;
    private final double[] v;
    private long t;

    public Adam(int size, double learningRate) {
        this.learningRate = learningRate;
        this.m = new double[size];
        this.v = new double[size];
    }

    /** One descent step: {@code parameters -= lr · m̂ / (√v̂ + ε)}. */
    public void step(float[] parameters, float[] gradient) {
        t++;
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        for (int i = 0; i < parameters.length; i++) {
            double g = gradient[i];
            m[i] = BETA1 * m[i] + (1 - BETA1) * g;
            v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
            parameters[i] -= (float) (learningRate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPSILON));
        }
    }

    /** One descent step on a scalar (the learned log Z); returns the new value. */
    public double step(double value, double gradient) {
        t++;
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        m[0] = BETA1 * m[0] + (1 - BETA1) * gradient;
        v[0] = BETA2 * v[0] + (1 - BETA2) * gradient * gradient;
        return value - learningRate * (m[0] / c1) / (Math.sqrt(v[0] / c2) + EPSILON);
    }
}
