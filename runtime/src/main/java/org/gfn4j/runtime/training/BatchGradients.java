package org.gfn4j.runtime.training;

/**
 * Parameter gradients of one loss for each network of a run, flattened like each network's
 * parameters; null for a network the run does not have.
 *
 * @param policy   the forward policy (its logits are also the log edge flows of flow matching)
 * @param flow     the state-flow network log F(s)
 * @param backward the learned backward policy
 */
public record BatchGradients(float[] policy, float[] flow, float[] backward) {
}
