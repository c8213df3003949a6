package org.gfn4j.environments.continuous;

import java.util.SplittableRandom;

/** A target density on R^d known up to a constant: log r(x), and log Z = log ∫ r when known. */
public interface TargetDensity {

    int dimension();

    /** log r(x); finite everywhere. */
    double logDensity(double[] x);

    /** log ∫ r(x) dx, or NaN when it is not known in closed form. */
    double logPartition();

    /** An exact draw from r / Z, for tests and reference pictures. */
    double[] sample(SplittableRandom random);

    /** One line for logs and plot titles. */
    String describe();
}
