package org.gfn4j.environments.shared;

import java.util.function.DoubleSupplier;

/**
 * A number that is expensive to compute (an exact log Z by enumeration) and computed at most once,
 * on first use, safely from several sampler threads.
 */
public final class ComputedOnce {
    private final DoubleSupplier computation;
    private volatile Double value;

    public ComputedOnce(DoubleSupplier computation) {
        this.computation = computation;
    }

    public double get() {
        Double cached = value;
        if (cached == null) {
            synchronized (this) {
                cached = value;
                if (cached == null) {
                    cached = computation.getAsDouble();
                    value = cached;
                }
            }
        }
        return cached;
    }
}
