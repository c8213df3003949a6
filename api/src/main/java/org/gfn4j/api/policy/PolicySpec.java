package org.gfn4j.api.policy;

/**
 * What a policy must fit: feature width in, logit width out, and the seed for its initial weights.
 */
public record PolicySpec(int inputSize, int outputSize, long seed) {
}
