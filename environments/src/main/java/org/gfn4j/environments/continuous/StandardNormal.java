package org.gfn4j.environments.continuous;

import java.util.SplittableRandom;

/** Standard normal draws from a {@link SplittableRandom} (Box–Muller, one value per call). */
final class StandardNormal {
    private StandardNormal() {
    }

    static double draw(SplittableRandom random) {
        double u = 1.0 - random.nextDouble(); // in (0, 1]
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
