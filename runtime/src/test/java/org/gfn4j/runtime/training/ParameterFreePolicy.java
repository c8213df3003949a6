package org.gfn4j.runtime.training;

import org.gfn4j.api.policy.Policy;

/**
 * A test policy with no parameters whose logits come from a rule: its gradient is empty and setting
 * parameters does nothing, so the tests using it see exactly the distribution they built.
 */
abstract class ParameterFreePolicy implements Policy {
    private final int in;
    private final int out;

    ParameterFreePolicy(int in, int out) {
        this.in = in;
        this.out = out;
    }

    /** The logits of {@code rows} feature rows, row-major. */
    abstract float[] logitsOf(float[] features, int rows);

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
        float[] logits = logitsOf(features, rows);
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
