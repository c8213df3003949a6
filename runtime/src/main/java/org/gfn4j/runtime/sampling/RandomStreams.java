package org.gfn4j.runtime.sampling;

import java.util.SplittableRandom;

/**
 * Random streams derived from the run seed by position: iteration and sampler chunk. Because a
 * stream depends only on (seed, iteration, chunk), a run is reproducible bit for bit whatever the
 * scheduling of threads, and a resumed run draws exactly what the uninterrupted one would have.
 */
public final class RandomStreams {
    private RandomStreams() {
    }

    public static SplittableRandom forSampling(long seed, long iteration, int chunk) {
        return new SplittableRandom(mix(mix(seed ^ 0x5DEECE66DL) + iteration * 0x9E3779B97F4A7C15L + chunk));
    }

    /** The stream that picks replayed trajectories at an iteration (independent of the sampling streams). */
    public static SplittableRandom forReplay(long seed, long iteration) {
        return new SplittableRandom(mix(mix(seed ^ 0x2545F4914F6CDD1DL) + iteration * 0x9E3779B97F4A7C15L));
    }

    /** The seed of the state-flow network's initial weights (db, subtb). */
    public static long forFlowInitialisation(long seed) {
        return mix(seed + 0x1B873593L * 3);
    }

    /** The seed of the learned backward policy's initial weights. */
    public static long forBackwardInitialisation(long seed) {
        return mix(seed + 0x1B873593L * 5);
    }

    /** The seed of the policy network's initial weights. */
    public static long forInitialisation(long seed) {
        return mix(seed + 0x632BE59BD9B4E019L);
    }

    /** SplitMix64's finaliser: a bijection that scatters nearby seeds. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
