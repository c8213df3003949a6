package org.gfn4j.runtime.sampling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Past trajectories kept for off-policy training. The buffer stores what a trajectory <em>is</em>
 * (states and actions) and its log-reward, never a log-probability: the trainer re-scores every
 * replayed trajectory with the current parameters, so no value computed before an optimizer step
 * can reach the loss (case C1).
 *
 * <ul>
 *   <li>uniform: first in, first out once full; draws uniformly;</li>
 *   <li>prioritised: keeps the highest-reward trajectories (a new one replaces the lowest-reward
 *       entry when it is better) and draws with probability ∝ r(x)^exponent.</li>
 * </ul>
 * With de-duplication a trajectory whose action sequence is already held is not added again (the
 * action sequence from s_0 determines the trajectory). Draws are with replacement.
 */
public final class ReplayBuffer<S> {
    private final int capacity;
    private final boolean prioritised;
    private final double exponent;
    private final boolean deduplicate;
    private final List<Entry<S>> entries = new ArrayList<>();
    private final Set<Key> held = new HashSet<>();
    private int oldest;

    private record Entry<S>(Trajectory<S> trajectory, double logReward, Key key) {
    }

    /** An action sequence compared by value. */
    private record Key(int[] actions) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(actions, k.actions);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(actions);
        }
    }

    public ReplayBuffer(int capacity, boolean prioritised, double exponent, boolean deduplicate) {
        if (capacity < 1) {
            throw new IllegalArgumentException("replay capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.prioritised = prioritised;
        this.exponent = exponent;
        this.deduplicate = deduplicate;
    }

    public int size() {
        return entries.size();
    }

    /** Adds a trajectory with its log-reward; returns false when it was not kept (duplicate, or worse than all when prioritised). */
    public boolean add(Trajectory<S> trajectory, double logReward) {
        if (!Double.isFinite(logReward)) {
            throw new IllegalArgumentException("log-reward of a replayed trajectory must be finite, got " + logReward);
        }
        Key key = new Key(trajectory.actions().clone());
        if (deduplicate && held.contains(key)) {
            return false;
        }
        Entry<S> entry = new Entry<>(trajectory, logReward, key);
        if (entries.size() < capacity) {
            entries.add(entry);
        } else if (prioritised) {
            int worst = 0;
            for (int q = 1; q < entries.size(); q++) {
                if (entries.get(q).logReward < entries.get(worst).logReward) {
                    worst = q;
                }
            }
            if (entries.get(worst).logReward >= logReward) {
                return false;
            }
            held.remove(entries.get(worst).key);
            entries.set(worst, entry);
        } else {
            held.remove(entries.get(oldest).key);
            entries.set(oldest, entry);
            oldest = (oldest + 1) % capacity;
        }
        held.add(key);
        return true;
    }

    /** {@code count} trajectories drawn with replacement; an empty list when the buffer is empty. */
    public List<Trajectory<S>> sample(int count, SplittableRandom random) {
        List<Trajectory<S>> drawn = new ArrayList<>(count);
        if (entries.isEmpty()) {
            return drawn;
        }
        if (!prioritised) {
            for (int q = 0; q < count; q++) {
                drawn.add(entries.get(random.nextInt(entries.size())).trajectory);
            }
            return drawn;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (Entry<S> e : entries) {
            max = Math.max(max, e.logReward);
        }
        double[] cumulative = new double[entries.size()];
        double total = 0;
        for (int q = 0; q < entries.size(); q++) {
            total += Math.exp(exponent * (entries.get(q).logReward - max));   // the best entry weighs 1: no overflow
            cumulative[q] = total;
        }
        for (int q = 0; q < count; q++) {
            double u = random.nextDouble() * total;
            int pick = Arrays.binarySearch(cumulative, u);
            pick = pick >= 0 ? pick : -pick - 1;
            drawn.add(entries.get(Math.min(pick, entries.size() - 1)).trajectory);
        }
        return drawn;
    }
}
