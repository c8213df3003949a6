package org.gfn4j.api.objective;

/** A loss with an exact gradient with respect to the batch's log-probabilities (see {@link Objective}). */
public non-sealed interface BalanceObjective extends Objective {

    /**
     * The loss of a batch and its gradient.
     *
     * @param logPartition the current learned log Z (ignored when {@link #learnsLogPartition()} is false)
     */
    LossGradient lossAndGradient(TrajectoryBatch batch, double logPartition);
}
