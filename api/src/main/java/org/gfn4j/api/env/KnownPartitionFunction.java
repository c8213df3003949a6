package org.gfn4j.api.env;

/** An environment that knows its exact log Z = log Σ_x r(x) (log ∫ r(x) dx for a continuous one). */
public interface KnownPartitionFunction {
    double logPartition();
}
