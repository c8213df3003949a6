package org.gfn4j.api.objective;

/**
 * A training objective. It comes in two forms, and the runtime treats each its own way:
 * <ul>
 *   <li>{@link BalanceObjective}: a loss whose exact gradient with respect to the per-trajectory
 *       log-probabilities (and log Z) the objective gives directly (trajectory balance, VarGrad, …);</li>
 *   <li>{@link ScoreFunctionObjective}: a divergence whose gradient has the REINFORCE form
 *       E[∇f + f ∇s]; it exposes f, ∂f/∂s and a scaling, and a {@code GradientEstimator} turns them
 *       into low-variance coefficients.</li>
 * </ul>
 * Objectives know per-trajectory numbers only: nothing about networks, tensors or environments.
 */
public sealed interface Objective permits BalanceObjective, ScoreFunctionObjective {

    /** True when the objective learns a scalar log Z (trajectory balance does; divergences do not). */
    default boolean learnsLogPartition() {
        return false;
    }

    /** The smallest batch this objective accepts (2 for VarGrad, whose batch variance needs two). */
    default int minimumBatchSize() {
        return 1;
    }

    /** False for objectives that require a fixed backward policy (the divergences). */
    default boolean allowsLearnedBackwardPolicy() {
        return true;
    }
}
