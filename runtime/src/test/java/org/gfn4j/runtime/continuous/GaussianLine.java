package org.gfn4j.runtime.continuous;

import org.gfn4j.api.env.ContinuousEnvironment;
import org.gfn4j.api.env.EvaluationBox;
import org.gfn4j.api.env.KnownPartitionFunction;

/**
 * A 1-D continuous problem whose divergences have closed forms: x_0 = 0, T steps, the Brownian-bridge
 * backward kernel with std σ_B per step, reward r(x) = exp(−(x − m)² / (2 s²)) (Z = √(2π) s).
 * Features: (x, t).
 */
final class GaussianLine implements ContinuousEnvironment<GaussianLine.State>, KnownPartitionFunction {
    record State(double x, int step) {
    }

    final int steps;
    final double backwardStd;
    final double targetMean;
    final double targetStd;

    GaussianLine(int steps, double backwardStd, double targetMean, double targetStd) {
        this.steps = steps;
        this.backwardStd = backwardStd;
        this.targetMean = targetMean;
        this.targetStd = targetStd;
    }

    @Override
    public State initialState() {
        return new State(0, 0);
    }

    @Override
    public int actionDimension() {
        return 1;
    }

    @Override
    public int stepCount() {
        return steps;
    }

    @Override
    public int stepOf(State state) {
        return state.step();
    }

    @Override
    public double[] position(State state) {
        return new double[] {state.x()};
    }

    @Override
    public State step(State state, double[] action) {
        return new State(state.x() + action[0], state.step() + 1);
    }

    @Override
    public double backwardLogDensity(State parent, State child) {
        int t = parent.step();
        if (t == 0) {
            return 0;
        }
        double shrink = (double) t / (t + 1);
        double variance = backwardStd * backwardStd * shrink;
        double z = parent.x() - child.x() * shrink;
        return -0.5 * (Math.log(2 * Math.PI * variance) + z * z / variance);
    }

    @Override
    public State terminalAt(double[] x) {
        return new State(x[0], steps);
    }

    @Override
    public double logReward(State terminal) {
        double z = (terminal.x() - targetMean) / targetStd;
        return -0.5 * z * z;
    }

    @Override
    public double logPartition() {
        return 0.5 * Math.log(2 * Math.PI) + Math.log(targetStd);
    }

    @Override
    public int featureSize() {
        return 2;
    }

    @Override
    public void features(State state, float[] out, int offset) {
        out[offset] = (float) state.x();
        out[offset + 1] = state.step();
    }

    @Override
    public EvaluationBox evaluationBox() {
        return EvaluationBox.cube(1, targetMean - 6 * targetStd, targetMean + 6 * targetStd);
    }
}
