package org.gfn4j.api.objective;

import java.util.Set;

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

    /**
     * False for objectives whose gradient is an expectation under the forward policy itself (the
     * divergences): they accept ε-greedy exploration at most, never a tempered sampler or replayed
     * trajectories. Balance objectives hold for any full-support sampling distribution.
     */
    default boolean allowsOffPolicySamples() {
        return true;
    }

    /** The per-state quantities this objective reads from a batch (none by default); see {@link StateQuantity}. */
    default Set<StateQuantity> stateQuantities() {
        return Set.of();
    }
}
