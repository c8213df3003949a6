package org.gfn4j.api.metric;

/** A number computed at evaluation time. Its name and {@link #definition()} say exactly what it is. */
public interface Metric {

    /** Column name in metrics.csv, e.g. {@code l1}. */
    String name();

    /** What the number means, printed in outputs and docs, e.g. "L1 = Σ_x |p_T(x) − π(x)| (= 2·TV)". */
    String definition();

    /** The value, or NaN when it does not apply (e.g. log Z error without a learned log Z). */
    double compute(TerminalDistributions distributions);
}
