package com.example.gfn4j.bitstrings;

import java.util.ArrayList;
import java.util.List;
import org.gfn4j.api.env.Enumerable;
import org.gfn4j.api.env.Environment;
import org.gfn4j.api.env.KnownPartitionFunction;
import org.gfn4j.api.math.LogSpace;

/**
 * Bit strings of length n, filled in <em>any order</em>: start from n unset positions; forward
 * action {@code 2i + b} sets position i to bit b (valid while i is unset); the last action,
 * {@code 2n}, exits and is valid only when every position is set. Backward action i unsets
 * position i. The state graph is a DAG in which a complete string has n! trajectories, so the
 * backward policy matters (the runtime's default is uniform over the set positions).
 *
 * <p>Reward, multi-modal: r(x) = r0 + Σ_k exp(−β · d_H(x, m_k)) over the modes m_k, with d_H the
 * Hamming distance. Default modes: 000…0, 111…1, 0101…, 1010….
 *
 * <p>Features: 2n values, one-hot per position (bit 0, bit 1; both zero while unset).
 */
public final class BitStringEnvironment implements Environment<BitString>, Enumerable<BitString>, KnownPartitionFunction {
    private final int n;
    private final List<BitString> modes;
    private final double beta;
    private final double r0;
    private final double logPartition;

    public BitStringEnvironment(int n, List<BitString> modes, double beta, double r0) {
        if (n < 1 || n > 20) {
            throw new IllegalArgumentException("length must be between 1 and 20, got " + n);
        }
        for (BitString m : modes) {
            if (m.length() != n || !m.isComplete()) {
                throw new IllegalArgumentException("mode " + m + " is not a complete string of length " + n);
            }
        }
        if (!(r0 > 0) || !(beta >= 0) || !Double.isFinite(r0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("need r0 > 0 and beta >= 0, got r0 = " + r0 + ", beta = " + beta);
        }
        this.n = n;
        this.modes = List.copyOf(modes);
        this.beta = beta;
        this.r0 = r0;
        this.logPartition = computeLogPartition();
    }

    /** The four default modes of length n: all zeros, all ones, 0101…, 1010…. */
    static List<BitString> defaultModes(int n) {
        StringBuilder zeros = new StringBuilder();
        StringBuilder ones = new StringBuilder();
        StringBuilder even = new StringBuilder();
        StringBuilder odd = new StringBuilder();
        for (int i = 0; i < n; i++) {
            zeros.append('0');
            ones.append('1');
            even.append(i % 2 == 0 ? '0' : '1');
            odd.append(i % 2 == 0 ? '1' : '0');
        }
        List<BitString> modes = new ArrayList<>();
        for (StringBuilder s : List.of(zeros, ones, even, odd)) {
            BitString m = BitString.parse(s.toString());
            if (!modes.contains(m)) {
                modes.add(m); // for n = 1 the patterns coincide
            }
        }
        return modes;
    }

    public List<BitString> modes() {
        return modes;
    }

    @Override
    public BitString initialState() {
        return BitString.empty(n);
    }

    @Override
    public int forwardActionCount() {
        return 2 * n + 1;
    }

    @Override
    public int backwardActionCount() {
        return n;
    }

    @Override
    public void forwardMask(BitString state, boolean[] mask) {
        boolean complete = true;
        for (int i = 0; i < n; i++) {
            boolean unset = state.bit(i) == BitString.UNSET;
            mask[2 * i] = unset;
            mask[2 * i + 1] = unset;
            complete &= !unset;
        }
        mask[2 * n] = complete;
    }

    @Override
    public void backwardMask(BitString state, boolean[] mask) {
        for (int i = 0; i < n; i++) {
            mask[i] = state.bit(i) != BitString.UNSET;
        }
    }

    @Override
    public BitString step(BitString state, int action) {
        if (action < 0 || action >= 2 * n || state.bit(action / 2) != BitString.UNSET) {
            throw new IllegalArgumentException("forward action " + action + " is not valid at " + state);
        }
        return state.with(action / 2, (byte) (action % 2));
    }

    @Override
    public BitString backwardStep(BitString state, int backwardAction) {
        if (backwardAction < 0 || backwardAction >= n || state.bit(backwardAction) == BitString.UNSET) {
            throw new IllegalArgumentException("backward action " + backwardAction + " is not valid at " + state);
        }
        return state.with(backwardAction, BitString.UNSET);
    }

    @Override
    public int forwardActionFor(BitString state, int backwardAction) {
        return 2 * backwardAction + state.bit(backwardAction);
    }

    @Override
    public double logReward(BitString x) {
        if (!x.isComplete()) {
            throw new IllegalArgumentException("reward of an incomplete string " + x);
        }
        double r = r0;
        for (BitString m : modes) {
            r += Math.exp(-beta * x.hammingDistance(m));
        }
        return Math.log(r);
    }

    @Override
    public int maxTrajectoryLength() {
        return n;
    }

    @Override
    public int featureSize() {
        return 2 * n;
    }

    @Override
    public void features(BitString state, float[] out, int offset) {
        for (int i = 0; i < n; i++) {
            byte b = state.bit(i);
            out[offset + 2 * i] = b == 0 ? 1f : 0f;
            out[offset + 2 * i + 1] = b == 1 ? 1f : 0f;
        }
    }

    @Override
    public List<BitString> terminalStates(long cap) {
        long count = 1L << n;
        if (count > cap) {
            throw new IllegalStateException("bit strings of length " + n + ": " + count + " objects, more than the cap of " + cap);
        }
        List<BitString> all = new ArrayList<>((int) count);
        for (long code = 0; code < count; code++) {
            byte[] bits = new byte[n];
            for (int i = 0; i < n; i++) {
                bits[i] = (byte) ((code >>> (n - 1 - i)) & 1);
            }
            all.add(new BitString(bits));
        }
        return all;
    }

    @Override
    public double logPartition() {
        return logPartition;
    }

    private double computeLogPartition() {
        List<BitString> all = terminalStates(Long.MAX_VALUE);
        double[] logs = new double[all.size()];
        for (int i = 0; i < logs.length; i++) {
            logs[i] = logReward(all.get(i));
        }
        return LogSpace.logSumExp(logs);
    }

    @Override
    public String describe(BitString terminal) {
        return terminal.toString();
    }
}
