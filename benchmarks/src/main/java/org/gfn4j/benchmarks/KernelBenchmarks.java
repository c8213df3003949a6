package org.gfn4j.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.gfn4j.api.policy.Policy;
import org.gfn4j.runtime.policy.MlpPolicy;
import org.gfn4j.runtime.sampling.MaskedLogSoftmax;
import org.gfn4j.runtime.training.Adam;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The kernels of one training iteration on the default network (MLP 2 × 256, hypergrid 2-D height 8:
 * 16 features, 3 actions), at the row counts that occur: a sampling step (the active trajectories)
 * and the scoring pass (every visited state of a batch).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "ALL-DEFAULT"})
public class KernelBenchmarks {

    @Param({"1", "16", "128", "1024"})
    int rows;

    private Policy policy;
    private float[] features;
    private float[] dLogits;
    private Policy.Forward forward;
    private boolean[] mask;
    private double[] logProbs;
    private Adam adam;
    private float[] parameters;
    private float[] gradient;

    @Setup
    public void setUp() {
        policy = new MlpPolicy(16, new int[] {256, 256}, 3, 1);
        SplittableRandom random = new SplittableRandom(1);
        features = new float[rows * 16];
        for (int i = 0; i < features.length; i++) {
            features[i] = random.nextDouble() < 0.125 ? 1f : 0f;
        }
        dLogits = new float[rows * 3];
        for (int i = 0; i < dLogits.length; i++) {
            dLogits[i] = (float) random.nextGaussian();
        }
        forward = policy.forward(features, rows);
        mask = new boolean[] {true, false, true};
        logProbs = new double[3];
        adam = new Adam(policy.parameterCount(), 1e-3);
        parameters = policy.parameters();
        gradient = forward.backward(dLogits);
    }

    @Benchmark
    public float[] forwardPass() {
        return policy.forward(features, rows).logits();
    }

    /** The sampling path: logits only, in a workspace; compare with {@link #forwardPass()} in the same run. */
    @Benchmark
    public float[] logitsOnly() {
        return policy.logits(features, rows);
    }

    @Benchmark
    public float[] backwardPass() {
        return forward.backward(dLogits);
    }

    @Benchmark
    public double[] maskedLogSoftmaxPerRow() {
        float[] logits = forward.logits();
        for (int r = 0; r < rows; r++) {
            MaskedLogSoftmax.row(logits, r * 3, mask, 0, 3, logProbs, 0, "state");
        }
        return logProbs;
    }

    @Benchmark
    public float[] adamStepAndParameterCopy() {
        adam.step(parameters, gradient);
        policy.setParameters(parameters);
        return parameters;
    }
}
