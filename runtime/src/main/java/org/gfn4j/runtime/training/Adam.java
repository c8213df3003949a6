package org.gfn4j.runtime.training;

/**
 * Adam (Kingma &amp; Ba 2015) with bias correction, on a flat parameter vector. Moments are kept in
 * double precision; parameters stay float like the network's. {@link #state()} and
 * {@link #restore(State)} let a checkpoint carry the moments and the step count exactly, so that a
 * resumed run takes the same steps as an uninterrupted one.
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

    /** The optimizer's state: first and second moments and the number of steps taken. */
    public record State(double[] firstMoment, double[] secondMoment, long step) {
    }

    /** A copy of the moments and the step count. */
    public State state() {
        return new State(m.clone(), v.clone(), t);
    }

    /** Replaces the moments and the step count with those of a checkpoint (same size). */
    public void restore(State state) {
        if (state.firstMoment().length != m.length || state.secondMoment().length != v.length) {
            throw new IllegalArgumentException("optimizer state of size " + state.firstMoment().length
                    + " does not fit an optimizer of size " + m.length);
        }
        System.arraycopy(state.firstMoment(), 0, m, 0, m.length);
        System.arraycopy(state.secondMoment(), 0, v, 0, v.length);
        t = state.step();
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
