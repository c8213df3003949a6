package org.gfn4j.api.objective;

/**
 * A loss value and its partial derivatives: the runtime back-propagates
 * <pre>
 *   Σ_i dLogPF[i] · log p_F(τ_i) + Σ_i dLogPB[i] · log p_B(τ_i) + dLogPartition · log Z
 * + Σ_r dStepLogPF[r] · log p_F(step r) + Σ_r dStepLogPB[r] · log p_B(step r)
 * + Σ_j dStateLogFlow[j] · log F(s_j) + Σ_j dStateLogExitProbability[j] · log p_F(exit | s_j)
 * + Σ_e dEdgeLogFlow[e] · log F(edge e)
 * </pre>
 * Per-trajectory and per-step coefficients add up: an objective may use either or both. A null
 * array stands for zeros (the quantity is unused). Per-step and per-state arrays follow the layout
 * of {@link TrajectoryBatch}; {@code dEdgeLogFlow} follows {@link EdgeFlows#logFlow()}.
 *
 * @param loss          the value, for logging
 * @param dLogPF        ∂loss/∂ log p_F(τ_i), one per trajectory
 * @param dLogPB        ∂loss/∂ log p_B(τ_i | x_i) (used when the backward policy is learned)
 * @param dLogPartition ∂loss/∂ log Z
 * @param dStepLogPF    ∂loss/∂ log p_F of each transition, or null
 * @param dStepLogPB    ∂loss/∂ log p_B of each transition, or null
 * @param dStateLogFlow ∂loss/∂ log F(s_j) of each visited state, or null
 * @param dStateLogExitProbability ∂loss/∂ log p_F(exit | s_j) of each visited state, or null
 * @param dEdgeLogFlow  ∂loss/∂ log F(e) of each edge of {@link TrajectoryBatch#edgeFlows()}, or null
 */
public record LossGradient(double loss, double[] dLogPF, double[] dLogPB, double dLogPartition, double[] dStepLogPF,
                           double[] dStepLogPB, double[] dStateLogFlow, double[] dStateLogExitProbability,
                           double[] dEdgeLogFlow) {

    /** Per-trajectory coefficients only (trajectory balance, VarGrad). */
    public LossGradient(double loss, double[] dLogPF, double[] dLogPB, double dLogPartition) {
        this(loss, dLogPF, dLogPB, dLogPartition, null, null, null, null, null);
    }
}
