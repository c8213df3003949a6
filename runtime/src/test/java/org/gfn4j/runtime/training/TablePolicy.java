package org.gfn4j.runtime.training;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** A policy without parameters that looks its outputs up by the state's feature vector: exact flows for tests. */
final class TablePolicy extends ParameterFreePolicy {
    private final Map<String, float[]> table = new HashMap<>();

    TablePolicy(int in, int out) {
        super(in, out);
    }

    void put(float[] features, float[] outputs) {
        table.put(Arrays.toString(features), outputs.clone());
    }

    float[] get(float[] features) {
        return table.get(Arrays.toString(features));
    }

    @Override
    float[] logitsOf(float[] features, int rows) {
        int in = inputSize();
        int out = outputSize();
        float[] logits = new float[rows * out];
        for (int r = 0; r < rows; r++) {
            float[] row = table.get(Arrays.toString(Arrays.copyOfRange(features, r * in, (r + 1) * in)));
            if (row == null) {
                throw new IllegalStateException("no table entry for row " + r);
            }
            System.arraycopy(row, 0, logits, r * out, out);
        }
        return logits;
    }
}
