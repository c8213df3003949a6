package org.gfn4j.runtime.continuous;

import org.gfn4j.api.policy.Policy;

/**
 * A policy with one parameter μ that outputs (μ, o) for every state: with a diagonal Gaussian head,
 * every increment is N(μ, σ(o)²), whatever the state.
 */
final class LearnableMeanPolicy implements Policy {
    private final int inputSize;
    private final float spread;
    private float mean;

    LearnableMeanPolicy(int inputSize, float mean, float spread) {
        this.inputSize = inputSize;
        this.mean = mean;
        this.spread = spread;
    }

    @Override
    public int inputSize() {
        return inputSize;
    }

    @Override
    public int outputSize() {
        return 2;
    }

    @Override
    public int parameterCount() {
        return 1;
    }

    @Override
    public Forward forward(float[] features, int rows) {
        float[] out = new float[rows * 2];
        for (int r = 0; r < rows; r++) {
            out[2 * r] = mean;
            out[2 * r + 1] = spread;
        }
        return new Forward() {
            @Override
            public float[] logits() {
                return out;
            }

            @Override
            public float[] backward(float[] dOutputs) {
                double sum = 0;
                for (int r = 0; r < rows; r++) {
                    sum += dOutputs[2 * r];
                }
                return new float[] {(float) sum};
            }
        };
    }

    @Override
    public float[] parameters() {
        return new float[] {mean};
    }

    @Override
    public void setParameters(float[] values) {
        mean = values[0];
    }
}
