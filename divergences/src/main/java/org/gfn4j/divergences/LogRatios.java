package org.gfn4j.divergences;

import org.gfn4j.api.objective.NonFiniteValueException;
import org.gfn4j.api.objective.TrajectoryBatch;

/**
 * The log-ratios λ_i = log p_F(τ_i) − log r(x_i) − log p_B(τ_i | x_i) of a batch that has been
 * checked: non-empty, every input finite and every λ_i finite.
 *
 * <p>Every objective of this module starts here, so that an empty batch or a non-finite input is
 * reported where it enters (naming the quantity and the trajectory) instead of turning into a NaN
 * coefficient later (cases C6 and C7).
 */
public final class LogRatios {
    private LogRatios() {
    }

    /**
     * λ_i for every trajectory of {@code batch}.
     *
     * @param objective     the objective's config name, used in messages
     * @param minimumSize   the fewest trajectories the objective can use (at least 1)
     * @throws IllegalArgumentException when the batch holds fewer than {@code minimumSize} trajectories
     * @throws NonFiniteValueException  when an input or a log-ratio is NaN or infinite
     */
    public static double[] of(TrajectoryBatch batch, String objective, int minimumSize) {
        int n = batch.size();
        if (n == 0) {
            throw new IllegalArgumentException(objective + " needs at least " + minimumSize
                    + (minimumSize == 1 ? " trajectory" : " trajectories") + ", the batch is empty");
        }
        if (n < minimumSize) {
            throw new IllegalArgumentException(objective + " needs at least " + minimumSize
                    + " trajectories per batch, got " + n);
        }
        batch.requireFinite();
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = batch.logRatio(i);
            // Finite inputs of opposite sign near ±Double.MAX_VALUE can still overflow the difference.
            if (!Double.isFinite(lambda[i])) {
                throw new NonFiniteValueException("log-ratio λ = log p_F − log r − log p_B of trajectory " + i
                        + " is " + lambda[i] + " (log p_F = " + batch.logPF()[i] + ", log r = "
                        + batch.logReward()[i] + ", log p_B = " + batch.logPB()[i] + ")");
            }
        }
        return lambda;
    }
}
