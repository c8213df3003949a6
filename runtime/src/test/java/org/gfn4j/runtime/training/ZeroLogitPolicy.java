package org.gfn4j.runtime.training;

/** A policy with no parameters whose logits are all zero: uniform over valid actions. */
public final class ZeroLogitPolicy extends ParameterFreePolicy {

    public ZeroLogitPolicy(int in, int out) {
        super(in, out);
    }

    @Override
    float[] logitsOf(float[] features, int rows) {
        return new float[rows * outputSize()];
    }
}
