package org.gfn4j.runtime.training;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.gfn4j.api.policy.Policy;

/** A policy without parameters that looks its outputs up by the state's feature vector: exact flows for tests. */
final class TablePolicy implements Policy {
    private final int in;
    private final int out;
    private final Map<String, float[]> table = new HashMap<>();

    TablePolicy(int in, int out) {
        this.in = in;
        this.out = out;
    }

    void put(float[] features, float[] outputs) {
        table.put(Arrays.toString(features), outputs.clone());
    }

    float[] get(float[] features) {
        return table.get(Arrays.toString(features));
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
        for (int r = 0; r < rows; r++) {
            float[] row = table.get(Arrays.toString(Arrays.copyOfRange(features, r * in, (r + 1) * in)));
            if (row == null) {
                throw new IllegalStateException("no table entry for row " + r);
            }
            System.arraycopy(row, 0, logits, r * out, out);
        }
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
