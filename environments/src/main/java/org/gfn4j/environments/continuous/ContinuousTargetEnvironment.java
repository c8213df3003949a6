package org.gfn4j.environments.continuous;

import java.util.Arrays;
import org.gfn4j.api.env.ContinuousEnvironment;
import org.gfn4j.api.env.EvaluationBox;
import org.gfn4j.api.env.KnownPartitionFunction;

/**
 * Sampling a point of R^d in T steps: start at x_0 = 0 (step 0), add an increment drawn from the
 * policy's density at each of T steps, and take x_T as the object, rewarded by a
 * {@link TargetDensity} (log r(x) = the target's log-density up to a constant).
 *
 * <p>Backward kernel: the {@link BrownianBridgeKernel} with std σ_B per step,
 * p_B(x_t | x_{t+1}) = N(x_{t+1}·t/(t+1), σ_B²·t/(t+1)·I), deterministic back to the origin at t = 0.
 *
 * <p>Features (d + T values): the position mapped affinely so that the evaluation box becomes
 * [−1, 1]^d, then a one-hot encoding of the step t ∈ {0 … T−1} (all zero at t = T, where no action
 * is taken).
 */
public final class ContinuousTargetEnvironment implements ContinuousEnvironment<TimedPoint>, KnownPartitionFunction {
    private final TargetDensity target;
    private final int steps;
    private final BrownianBridgeKernel kernel;
    private final EvaluationBox box;
    private final double[] center;
    private final double[] halfWidth;

    public ContinuousTargetEnvironment(TargetDensity target, int steps, double backwardStd, EvaluationBox box) {
        if (steps < 1) {
            throw new IllegalArgumentException("a continuous environment needs at least 1 step, got " + steps);
        }
        if (box.dimension() != target.dimension()) {
            throw new IllegalArgumentException("the evaluation box has " + box.dimension() + " sides, the target "
                    + target.dimension() + " dimensions");
        }
        this.target = target;
        this.steps = steps;
        this.kernel = new BrownianBridgeKernel(backwardStd);
        this.box = box;
        int d = target.dimension();
        center = new double[d];
        halfWidth = new double[d];
        for (int k = 0; k < d; k++) {
            center[k] = (box.lower()[k] + box.upper()[k]) / 2;
            halfWidth[k] = (box.upper()[k] - box.lower()[k]) / 2;
        }
    }

    public TargetDensity target() {
        return target;
    }

    public BrownianBridgeKernel kernel() {
        return kernel;
    }

    @Override
    public TimedPoint initialState() {
        return new TimedPoint(new double[target.dimension()], 0);
    }

    @Override
    public int actionDimension() {
        return target.dimension();
    }

    @Override
    public int stepCount() {
        return steps;
    }

    @Override
    public int stepOf(TimedPoint state) {
        return state.step();
    }

    @Override
    public double[] position(TimedPoint state) {
        return state.position();
    }

    @Override
    public TimedPoint step(TimedPoint state, double[] action) {
        if (state.step() >= steps) {
            throw new IllegalArgumentException("no step after the last one (T = " + steps + "): " + state);
        }
        if (action.length != target.dimension()) {
            throw new IllegalArgumentException("an action has " + target.dimension() + " coordinates, got " + action.length);
        }
        double[] x = state.position();
        for (int k = 0; k < x.length; k++) {
            x[k] += action[k];
        }
        return new TimedPoint(x, state.step() + 1);
    }

    @Override
    public double backwardLogDensity(TimedPoint parent, TimedPoint child) {
        if (child.step() != parent.step() + 1 || child.step() < 1 || child.step() > steps) {
            throw new IllegalArgumentException("not a transition: " + parent + " -> " + child);
        }
        if (parent.step() == 0 && !Arrays.equals(parent.position(), new double[parent.dimension()])) {
            throw new IllegalArgumentException("a state at step 0 must be the origin, got " + parent);
        }
        return kernel.logDensity(parent.position(), child.position(), parent.step());
    }

    @Override
    public TimedPoint terminalAt(double[] x) {
        if (x.length != target.dimension()) {
            throw new IllegalArgumentException("a point has " + target.dimension() + " coordinates, got " + x.length);
        }
        return new TimedPoint(x, steps);
    }

    @Override
    public double logReward(TimedPoint terminal) {
        if (terminal.step() != steps) {
            throw new IllegalArgumentException("only a state at step T = " + steps + " is terminal, got " + terminal);
        }
        return target.logDensity(terminal.position());
    }

    @Override
    public double logPartition() {
        return target.logPartition();
    }

    @Override
    public int featureSize() {
        return target.dimension() + steps;
    }

    @Override
    public void features(TimedPoint state, float[] out, int offset) {
        int d = target.dimension();
        for (int k = 0; k < d; k++) {
            out[offset + k] = (float) ((state.coordinate(k) - center[k]) / halfWidth[k]);
        }
        Arrays.fill(out, offset + d, offset + d + steps, 0f);
        if (state.step() < steps) {
            out[offset + d + state.step()] = 1f;
        }
    }

    @Override
    public EvaluationBox evaluationBox() {
        return box;
    }

    @Override
    public String describe(TimedPoint terminal) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < terminal.dimension(); k++) {
            b.append(k == 0 ? "" : " ").append(terminal.coordinate(k));
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return target.describe() + ", T = " + steps + ", backward std " + kernel.std() + ", box " + box;
    }
}
