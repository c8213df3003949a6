package org.gfn4j.runtime.sampling;

import java.util.SplittableRandom;

/**
 * Draws one action from masked log-probabilities, with ε-greedy exploration: with probability ε a
 * uniformly random valid action. A masked action (log-probability −∞) is never returned.
 */
public final class ActionChooser {
    private ActionChooser() {
    }

    public static int choose(double[] logProbs, int offset, boolean[] mask, int maskOffset, int width, double epsilon,
                             SplittableRandom random) {
        if (epsilon > 0 && random.nextDouble() < epsilon) {
            int valid = 0;
            for (int k = 0; k < width; k++) {
                valid += mask[maskOffset + k] ? 1 : 0;
            }
            int pick = random.nextInt(valid);
            for (int k = 0; k < width; k++) {
                if (mask[maskOffset + k] && pick-- == 0) {
                    return k;
                }
            }
        }
        double u = random.nextDouble();
        double cumulative = 0;
        int lastValid = -1;
        for (int k = 0; k < width; k++) {
            if (!mask[maskOffset + k]) {
                continue;
            }
            lastValid = k;
            cumulative += Math.exp(logProbs[offset + k]);
            if (u < cumulative) {
                return k;
            }
        }
        // rounding left u above the total: the last valid action, never a masked one
        return lastValid;
    }
}
