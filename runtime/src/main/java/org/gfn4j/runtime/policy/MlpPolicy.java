package org.gfn4j.runtime.policy;

import java.util.SplittableRandom;
import org.gfn4j.api.policy.Policy;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A multilayer perceptron with ReLU hidden layers and a linear output, on ND4J, with a hand-written
 * backward pass: a few large matrix products per call, no autodiff graph.
 *
 * <p>Parameters live in one flat float vector, layer after layer: W_1 (in × h_1, row-major), b_1,
 * W_2, b_2, …, W_out, b_out. Initial weights are He-uniform from a seeded stream and biases zero;
 * the output layer is scaled down by 100 so that a fresh policy is close to uniform over valid
 * actions while every layer still receives a gradient from the first step (a zero output layer
 * would block the gradient to the hidden layers).
 */
public final class MlpPolicy implements Policy {
    private static final String INFERENCE_WORKSPACE_ID = "gfn4j-mlp-inference";
    private static final WorkspaceConfiguration INFERENCE_WORKSPACE = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.2)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policySpill(SpillPolicy.REALLOCATE)
            .policyReset(ResetPolicy.BLOCK_LEFT)
            .build();
    private static final double OUTPUT_SCALE = 0.01;
    private final int[] widths;
    private final int parameterCount;
    private final INDArray parameters;
    private final INDArray[] weights;
    private final INDArray[] biases;

    public MlpPolicy(int inputSize, int[] hidden, int outputSize, long seed) {
        widths = new int[hidden.length + 2];
        widths[0] = inputSize;
        System.arraycopy(hidden, 0, widths, 1, hidden.length);
        widths[widths.length - 1] = outputSize;
        int layers = widths.length - 1;
        int count = 0;
        for (int l = 0; l < layers; l++) {
            count += widths[l] * widths[l + 1] + widths[l + 1];
        }
        parameterCount = count;
        float[] init = new float[count];
        SplittableRandom random = new SplittableRandom(seed);
        int offset = 0;
        for (int l = 0; l < layers; l++) {
            int fanIn = widths[l];
            int size = widths[l] * widths[l + 1];
            double bound = Math.sqrt(6.0 / fanIn) * (l == layers - 1 ? OUTPUT_SCALE : 1.0);
            for (int k = 0; k < size; k++) {
                init[offset + k] = (float) ((random.nextDouble() * 2 - 1) * bound);
            }
            offset += size + widths[l + 1];
        }
        parameters = Nd4j.createFromArray(init);
        weights = new INDArray[layers];
        biases = new INDArray[layers];
        offset = 0;
        for (int l = 0; l < layers; l++) {
            int size = widths[l] * widths[l + 1];
            weights[l] = parameters.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(offset, offset + size))
                    .reshape('c', new long[] {widths[l], widths[l + 1]});
            offset += size;
            biases[l] = parameters.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(offset, offset + widths[l + 1]))
                    .reshape('c', new long[] {1, widths[l + 1]});
            offset += widths[l + 1];
        }
    }

    @Override
    public int inputSize() {
        return widths[0];
    }

    @Override
    public int outputSize() {
        return widths[widths.length - 1];
    }

    @Override
    public int parameterCount() {
        return parameterCount;
    }

    @Override
    public float[] parameters() {
        return parameters.toFloatVector();
    }

    @Override
    public void setParameters(float[] values) {
        if (values.length != parameterCount) {
            throw new IllegalArgumentException("expected " + parameterCount + " parameters, got " + values.length);
        }
        // written straight into the existing buffer: the weight views stay valid, nothing is allocated
        parameters.data().setData(values);
    }

    /**
     * Forward-only pass inside a thread-local workspace: its intermediate arrays reuse one
     * pre-allocated block instead of an off-heap allocation (and a GC-tracked deallocator) each, which
     * dominates the cost of the many small passes of sampling.
     */
    @Override
    public float[] logits(float[] features, int rows) {
        float[] used = features.length == rows * widths[0] ? features : java.util.Arrays.copyOf(features, rows * widths[0]);
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(INFERENCE_WORKSPACE, INFERENCE_WORKSPACE_ID)) {
            INDArray h = Nd4j.create(used, new long[] {rows, widths[0]}, 'c');
            for (int l = 0; l < weights.length; l++) {
                h = h.mmul(weights[l]).addiRowVector(biases[l]);
                if (l < weights.length - 1) {
                    Transforms.relu(h, false);
                }
            }
            return h.data().asFloat();
        }
    }

    @Override
    public Forward forward(float[] features, int rows) {
        if (features.length < rows * widths[0]) {
            throw new IllegalArgumentException("features hold " + features.length + " values, need " + rows * widths[0]);
        }
        int layers = weights.length;
        INDArray[] activations = new INDArray[layers];
        // the sampler reuses one buffer for a shrinking set of active rows: take the first `rows`
        float[] used = features.length == rows * widths[0] ? features : java.util.Arrays.copyOf(features, rows * widths[0]);
        INDArray x = Nd4j.create(used, new long[] {rows, widths[0]}, 'c');
        activations[0] = x;
        INDArray h = x;
        for (int l = 0; l < layers; l++) {
            INDArray z = h.mmul(weights[l]).addiRowVector(biases[l]);
            if (l < layers - 1) {
                Transforms.relu(z, false);
                activations[l + 1] = z;
            }
            h = z;
        }
        return new MlpForward(activations, h, rows);
    }

    private final class MlpForward implements Forward {
        private final INDArray[] activations;
        private final INDArray output;
        private final int rows;

        MlpForward(INDArray[] activations, INDArray output, int rows) {
            this.activations = activations;
            this.output = output;
            this.rows = rows;
        }

        @Override
        public float[] logits() {
            return output.data().asFloat();
        }

        @Override
        public float[] backward(float[] dLogits) {
            int layers = weights.length;
            float[] gradient = new float[parameterCount];
            INDArray delta = Nd4j.create(dLogits, new long[] {rows, widths[layers]}, 'c');
            int offset = parameterCount;
            for (int l = layers - 1; l >= 0; l--) {
                int biasSize = widths[l + 1];
                int weightSize = widths[l] * widths[l + 1];
                offset -= biasSize;
                System.arraycopy(delta.sum(0).data().asFloat(), 0, gradient, offset, biasSize);
                offset -= weightSize;
                // a fresh product is contiguous in 'c' order: its buffer is W's row-major layout
                INDArray dW = activations[l].transpose().mmul(delta);
                System.arraycopy(dW.data().asFloat(), 0, gradient, offset, weightSize);
                if (l > 0) {
                    // ReLU: pass the gradient where the unit was active
                    delta = delta.mmul(weights[l].transpose()).muli(Transforms.step(activations[l], true));
                }
            }
            return gradient;
        }
    }
}
