package org.gfn4j.runtime.training;

import org.gfn4j.api.policy.Policy;

/** A policy with no parameters whose logits are all zero: uniform over valid actions. */
public final class ZeroLogitPolicy implements Policy {
    private final int in;
    private final int out;

    public ZeroLogitPolicy(int in, int out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public int inputSize() {
        return in;
    }

    @Override
    public int outputSize() {
        return out;
    }

    @Override
    public int parameterCount() {
        return 0;
    }

    @Override
    public Forward forward(float[] features, int rows) {
        float[] logits = new float[rows * out];
        return new Forward() {
            @Override
            public float[] logits() {
                return logits;
            }

            @Override
            public float[] backward(float[] dLogits) {
                return new float[0];
            }
        };
    }

    @Override
    public float[] parameters() {
        return new float[0];
    }

    @Override
    public void setParameters(float[] values) {
    }
}
