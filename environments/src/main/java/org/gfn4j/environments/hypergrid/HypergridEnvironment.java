package org.gfn4j.environments.hypergrid;

import java.util.ArrayList;
import java.util.List;
import org.gfn4j.api.env.Enumerable;
import org.gfn4j.api.env.Environment;
import org.gfn4j.api.env.GridLayout;
import org.gfn4j.api.env.KnownPartitionFunction;
import org.gfn4j.api.math.LogSpace;

/**
 * The D-dimensional hypergrid {0..H−1}^D of Malkin et al. (2022). Start at the origin; forward
 * action d increments coordinate d (masked at H−1); the last action exits, and every point may
 * exit. Backward action d decrements coordinate d (masked at 0).
 *
 * <p>Reward R(x) = R0 + R1·Π_d 1[|x_d/(H−1) − 0.5| > 0.25] + R2·Π_d 1[0.3 < |x_d/(H−1) − 0.5| < 0.4].
 * Features: one-hot encoding of each coordinate (D·H values).
 */
public final class HypergridEnvironment implements Environment<GridPoint>, Enumerable<GridPoint>, KnownPartitionFunction,
        GridLayout<GridPoint> {
    private final int ndim;
    private final int height;
    private final double r0;
    private final double r1;
    private final double r2;
    private final double logPartition;

    public HypergridEnvironment(int ndim, int height, double r0, double r1, double r2) {
        if (ndim < 1 || height < 2) {
            throw new IllegalArgumentException("hypergrid needs ndim >= 1 and height >= 2, got " + ndim + ", " + height);
        }
        this.ndim = ndim;
        this.height = height;
        this.r0 = r0;
        this.r1 = r1;
        this.r2 = r2;
        this.logPartition = computeLogPartition();
    }

    public int ndim() {
        return ndim;
    }

    public int height() {
        return height;
    }

    @Override
    public GridPoint initialState() {
        return new GridPoint(new int[ndim]);
    }

    @Override
    public int forwardActionCount() {
        return ndim + 1;
    }

    @Override
    public int backwardActionCount() {
        return ndim;
    }

    @Override
    public void forwardMask(GridPoint state, boolean[] mask) {
        for (int d = 0; d < ndim; d++) {
            mask[d] = state.coordinate(d) < height - 1;
        }
        mask[ndim] = true;
    }

    @Override
    public void backwardMask(GridPoint state, boolean[] mask) {
        for (int d = 0; d < ndim; d++) {
            mask[d] = state.coordinate(d) > 0;
        }
    }

    @Override
    public GridPoint step(GridPoint state, int action) {
        if (action < 0 || action >= ndim || state.coordinate(action) >= height - 1) {
            throw new IllegalArgumentException("forward action " + action + " is not valid at " + state);
        }
        return state.moved(action, +1);
    }

    @Override
    public GridPoint backwardStep(GridPoint state, int backwardAction) {
        if (backwardAction < 0 || backwardAction >= ndim || state.coordinate(backwardAction) <= 0) {
            throw new IllegalArgumentException("backward action " + backwardAction + " is not valid at " + state);
        }
        return state.moved(backwardAction, -1);
    }

    @Override
    public int forwardActionFor(GridPoint state, int backwardAction) {
        return backwardAction;
    }

    @Override
    public double logReward(GridPoint x) {
        return Math.log(reward(x));
    }

    double reward(GridPoint x) {
        // v_d = |x_d/(H−1) − 0.5| = |2x_d − (H−1)| / (2(H−1)). The thresholds are compared in exact
        // integer arithmetic: in floating point |12/15 − 0.5| = 0.30000000000000004 passes "> 0.3"
        // and makes the modes lopsided (one ring column on one side, two on the other).
        long span = height - 1;
        boolean outer = true;
        boolean ring = true;
        for (int d = 0; d < ndim; d++) {
            long twiceOffset = Math.abs(2L * x.coordinate(d) - span);   // = 2(H−1)·v_d
            outer &= 2 * twiceOffset > span;                          // v_d > 0.25
            ring &= 5 * twiceOffset > 3 * span && 5 * twiceOffset < 4 * span; // 0.3 < v_d < 0.4
        }
        return r0 + (outer ? r1 : 0) + (ring ? r2 : 0);
    }

    @Override
    public int maxTrajectoryLength() {
        return ndim * (height - 1);
    }

    @Override
    public int featureSize() {
        return ndim * height;
    }

    @Override
    public void features(GridPoint state, float[] out, int offset) {
        java.util.Arrays.fill(out, offset, offset + ndim * height, 0f);
        for (int d = 0; d < ndim; d++) {
            out[offset + d * height + state.coordinate(d)] = 1f;
        }
    }

    @Override
    public List<GridPoint> terminalStates(long cap) {
        long count = (long) Math.pow(height, ndim);
        if (count > cap) {
            throw new IllegalStateException("hypergrid " + ndim + "-D of height " + height + " has " + count
                    + " points, more than the cap of " + cap);
        }
        List<GridPoint> all = new ArrayList<>((int) count);
        int[] c = new int[ndim];
        for (long i = 0; i < count; i++) {
            all.add(new GridPoint(c.clone()));
            for (int d = 0; d < ndim; d++) {
                if (++c[d] < height) {
                    break;
                }
                c[d] = 0;
            }
        }
        return all;
    }

    @Override
    public double logPartition() {
        return logPartition;
    }

    private double computeLogPartition() {
        // The reward depends on each coordinate only through two indicators, so Z factorises over
        // the counts of coordinates in each band; enumerate when small, which is exact and simple.
        long count = (long) Math.pow(height, ndim);
        if (count <= 50_000_000L) {
            double[] logs = new double[(int) Math.min(count, Integer.MAX_VALUE)];
            int i = 0;
            for (GridPoint x : terminalStates(count)) {
                logs[i++] = logReward(x);
            }
            return LogSpace.logSumExp(logs);
        }
        return Double.NaN;
    }

    @Override
    public int[] gridShape() {
        int[] shape = new int[ndim];
        java.util.Arrays.fill(shape, height);
        return shape;
    }

    @Override
    public int[] gridCell(GridPoint terminal) {
        return terminal.coordinates().clone();
    }
}
