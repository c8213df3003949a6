package org.gfn4j.runtime.training;

/**
 * Cumulative nanoseconds per phase of a training iteration: sampling, scoring (one forward pass
 * re-computing log-probabilities), objective and estimator (including the estimator's extra
 * backward passes), backward pass, and optimizer step (with copying parameters into the network).
 */
public final class PhaseTimes {
    public static final String[] PHASES = {"sampling", "scoring", "objective+estimator", "backward", "optimizer"};

    private final long[] nanos = new long[PHASES.length];
    private long iterations;

    void add(long sampling, long scoring, long objective, long backward, long optimizer) {
        nanos[0] += sampling;
        nanos[1] += scoring;
        nanos[2] += objective;
        nanos[3] += backward;
        nanos[4] += optimizer;
        iterations++;
    }

    /** A copy of the cumulative nanoseconds, in {@link #PHASES} order. */
    public long[] nanos() {
        return nanos.clone();
    }

    public long iterations() {
        return iterations;
    }
}
