package org.gfn4j.environments.sequences;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.gfn4j.api.env.Enumerable;
import org.gfn4j.api.env.Environment;
import org.gfn4j.api.env.KnownPartitionFunction;

/**
 * Autoregressive sequence design: append one of {@code vocab} tokens at a time until the sequence
 * has {@code length} tokens. Forward action t (0 ≤ t &lt; vocab) appends token t; the exit action
 * {@code vocab} is valid exactly at full length, where it is the only valid action. There is one
 * backward action, "remove the last token", so the backward policy is deterministic (p_B = 1) and
 * every object has exactly one trajectory.
 *
 * <p>Reward: a mixture of M modes around target sequences t_1 .. t_M,
 * <pre>  r(x) = Σ_{m=1..M} exp(−d_H(x, t_m) / temperature),</pre>
 * with d_H the Hamming distance (positions where the tokens differ). Each mode is a target, and
 * its neighbourhood decays by a factor exp(−1/temperature) per mismatch: with vocab V the mass near
 * the targets dominates when (V−1)·exp(−1/T) &lt; 1. The factory draws the targets once, each token
 * from {@code java.util.Random(seed).nextInt(vocab)}, position by position and target by target,
 * drawing a target again when it repeats an earlier one (so the M modes are distinct).
 *
 * <p>Summing over positions independently gives Z = M · (1 + (V−1)·exp(−1/T))^L exactly.
 *
 * <p>Features: one-hot per position with an extra "empty" slot, L·(V+1) values.
 */
public final class SequenceEnvironment implements Environment<TokenSequence>, Enumerable<TokenSequence>, KnownPartitionFunction {
    private final int vocab;
    private final int length;
    private final double temperature;
    private final int[][] targets;
    private final double logPartition;

    /**
     * @param vocab       number of distinct tokens V
     * @param length      tokens in a complete sequence L
     * @param targets     the mode centres, each of length L with tokens in 0 .. V−1
     * @param temperature scale of the Hamming penalty; smaller is peakier
     */
    public SequenceEnvironment(int vocab, int length, int[][] targets, double temperature) {
        if (vocab < 2 || length < 1) {
            throw new IllegalArgumentException("sequences needs vocab >= 2 and length >= 1, got " + vocab + ", " + length);
        }
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a finite number greater than 0, got " + temperature);
        }
        if (targets.length < 1) {
            throw new IllegalArgumentException("sequences needs at least one target sequence");
        }
        this.targets = new int[targets.length][];
        for (int m = 0; m < targets.length; m++) {
            if (targets[m].length != length) {
                throw new IllegalArgumentException("target " + m + " has " + targets[m].length + " tokens, not " + length);
            }
            for (int t : targets[m]) {
                if (t < 0 || t >= vocab) {
                    throw new IllegalArgumentException("target " + m + " has token " + t + ", outside 0 .. " + (vocab - 1));
                }
            }
            this.targets[m] = targets[m].clone();
        }
        this.vocab = vocab;
        this.length = length;
        this.temperature = temperature;
        this.logPartition = Math.log(targets.length) + length * Math.log1p((vocab - 1) * Math.exp(-1 / temperature));
    }

    /** The targets the factory uses (see the class comment); {@code modes} must not exceed vocab^length. */
    public static int[][] seededTargets(int vocab, int length, int modes, long seed) {
        Random random = new Random(seed);
        Set<TokenSequence> seen = new HashSet<>();
        int[][] targets = new int[modes][];
        for (int m = 0; m < modes; m++) {
            int[] t;
            do {
                t = new int[length];
                for (int i = 0; i < length; i++) {
                    t[i] = random.nextInt(vocab);
                }
            } while (!seen.add(new TokenSequence(t)));
            targets[m] = t;
        }
        return targets;
    }

    /** vocab^length, or {@link Long#MAX_VALUE} when that does not fit a long. */
    public static long sequenceCount(int vocab, int length) {
        long count = 1;
        for (int i = 0; i < length; i++) {
            if (count > Long.MAX_VALUE / vocab) {
                return Long.MAX_VALUE;
            }
            count *= vocab;
        }
        return count;
    }

    public int vocab() {
        return vocab;
    }

    public int length() {
        return length;
    }

    /** The mode centres, as sequences. */
    public List<TokenSequence> targets() {
        List<TokenSequence> list = new ArrayList<>(targets.length);
        for (int[] t : targets) {
            list.add(TokenSequence.of(t));
        }
        return list;
    }

    @Override
    public TokenSequence initialState() {
        return TokenSequence.EMPTY;
    }

    @Override
    public int forwardActionCount() {
        return vocab + 1;
    }

    @Override
    public int backwardActionCount() {
        return 1;
    }

    @Override
    public void forwardMask(TokenSequence state, boolean[] mask) {
        boolean complete = state.length() == length;
        for (int t = 0; t < vocab; t++) {
            mask[t] = !complete;
        }
        mask[vocab] = complete;
    }

    @Override
    public void backwardMask(TokenSequence state, boolean[] mask) {
        mask[0] = state.length() > 0;
    }

    @Override
    public TokenSequence step(TokenSequence state, int action) {
        if (action < 0 || action >= vocab || state.length() >= length) {
            throw new IllegalArgumentException("forward action " + action + " is not valid at " + state);
        }
        return state.appended(action);
    }

    @Override
    public TokenSequence backwardStep(TokenSequence state, int backwardAction) {
        if (backwardAction != 0 || state.length() == 0) {
            throw new IllegalArgumentException("backward action " + backwardAction + " is not valid at " + state);
        }
        return state.withoutLast();
    }

    @Override
    public int forwardActionFor(TokenSequence state, int backwardAction) {
        return state.last();
    }

    @Override
    public double logReward(TokenSequence terminal) {
        if (terminal.length() != length) {
            throw new IllegalArgumentException("log-reward asked of " + terminal + ", which has " + terminal.length()
                    + " tokens; only sequences of " + length + " are terminal");
        }
        // log Σ_m exp(−d_m/T), shifted by the smallest distance so that no term underflows to zero.
        int nearest = Integer.MAX_VALUE;
        for (int[] target : targets) {
            nearest = Math.min(nearest, hamming(terminal.tokens(), target));
        }
        double sum = 0;
        for (int[] target : targets) {
            sum += Math.exp(-(hamming(terminal.tokens(), target) - nearest) / temperature);
        }
        return -nearest / temperature + Math.log(sum);
    }

    private static int hamming(int[] a, int[] b) {
        int d = 0;
        for (int i = 0; i < a.length; i++) {
            d += a[i] != b[i] ? 1 : 0;
        }
        return d;
    }

    @Override
    public int maxTrajectoryLength() {
        return length;
    }

    @Override
    public int featureSize() {
        return length * (vocab + 1);
    }

    @Override
    public void features(TokenSequence state, float[] out, int offset) {
        int slots = vocab + 1;
        java.util.Arrays.fill(out, offset, offset + length * slots, 0f);
        for (int i = 0; i < length; i++) {
            int slot = i < state.length() ? state.token(i) : vocab;
            out[offset + i * slots + slot] = 1f;
        }
    }

    /** Letters A, B, C … when the vocabulary fits the alphabet, else token numbers joined by '-'. */
    @Override
    public String describe(TokenSequence terminal) {
        StringBuilder b = new StringBuilder(terminal.length() * 2);
        for (int i = 0; i < terminal.length(); i++) {
            if (vocab <= 26) {
                b.append((char) ('A' + terminal.token(i)));
            } else {
                if (i > 0) {
                    b.append('-');
                }
                b.append(terminal.token(i));
            }
        }
        return b.toString();
    }

    @Override
    public List<TokenSequence> terminalStates(long cap) {
        long count = sequenceCount(vocab, length);
        if (count > cap) {
            throw new IllegalStateException("sequences of length " + length + " over " + vocab + " tokens: there are "
                    + (count == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : count) + " of them, more than the cap of " + cap);
        }
        List<TokenSequence> all = new ArrayList<>((int) count);
        int[] t = new int[length];
        for (long i = 0; i < count; i++) {
            all.add(new TokenSequence(t.clone()));
            for (int p = length - 1; p >= 0; p--) {
                if (++t[p] < vocab) {
                    break;
                }
                t[p] = 0;
            }
        }
        return all;
    }

    @Override
    public double logPartition() {
        return logPartition;
    }

    @Override
    public String toString() {
        return "sequences(vocab=" + vocab + ", length=" + length + ", modes=" + targets.length + ", temperature=" + temperature + ")";
    }
}
