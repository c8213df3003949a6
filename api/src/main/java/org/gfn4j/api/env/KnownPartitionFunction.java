package org.gfn4j.api.env;

/** An environment that knows its exact log Z = log Σ_x r(x). */
public interface KnownPartitionFunction {
    double logPartition();
}
