package org.gfn4j.api.objective;

/**
 * A loss value and its partial derivatives: the runtime back-propagates
 * Σ_i dLogPF[i] · log p_F(τ_i) + Σ_i dLogPB[i] · log p_B(τ_i) + dLogPartition · log Z.
 *
 * @param loss          the value, for logging
 * @param dLogPF        ∂loss/∂ log p_F(τ_i), one per trajectory
 * @param dLogPB        ∂loss/∂ log p_B(τ_i | x_i) (used when the backward policy is learned)
 * @param dLogPartition ∂loss/∂ log Z
 */
public record LossGradient(double loss, double[] dLogPF, double[] dLogPB, double dLogPartition) {
}
