package org.gfn4j.api.policy;

/**
 * A differentiable map from state features to action logits. The runtime masks and normalises the
 * logits; the policy only computes them and back-propagates through them. Parameters are exchanged
 * as flat {@code float[]} vectors so that optimizers, checkpoints and estimators need no tensor
 * library.
 */
public interface Policy {

    int inputSize();

    int outputSize();

    int parameterCount();

    /** Logits for {@code rows} feature rows (row-major, {@code rows × inputSize()}). */
    Forward forward(float[] features, int rows);

    /**
     * Logits only, for sampling and evaluation, where no gradient is taken; implementations may use
     * a cheaper path than {@link #forward} (no activations kept for a backward pass).
     */
    default float[] logits(float[] features, int rows) {
        return forward(features, rows).logits();
    }

    /** A copy of the parameters. */
    float[] parameters();

    /** Replaces the parameters (same layout as {@link #parameters()}). */
    void setParameters(float[] values);

    /** One forward pass, kept so that gradients can be taken through it. */
    interface Forward {

        /** The logits, row-major, {@code rows × outputSize()}. */
        float[] logits();

        /** ∇_θ Σ_{r,k} dLogits[r,k] · logits[r,k], flattened like {@link Policy#parameters()}. */
        float[] backward(float[] dLogits);
    }
}
