package org.gfn4j.api.estimator;

/**
 * Gives parameter-space gradients of the batch that is being estimated, at the current parameters.
 * Provided by the runtime; each call is one backward pass through the policy network.
 */
public interface GradientOracle {

    /** ∇_θ Σ_i c_i · log p_F(τ_i; θ), flattened; {@code c} has one entry per trajectory. */
    double[] gradient(double[] c);
}
