package org.gfn4j.environments.sets;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.gfn4j.api.env.Enumerable;
import org.gfn4j.api.env.Environment;
import org.gfn4j.api.env.KnownPartitionFunction;
import org.gfn4j.api.math.LogSpace;

/**
 * Set generation (Pan et al. 2023; used by da Silva et al. 2024): build a subset of exactly
 * {@code setSize} elements of a ground set {0 .. size−1} by adding one element at a time.
 *
 * <p>Forward action d (0 ≤ d &lt; size) adds element d (masked when d is already in the set or the
 * set is complete); the exit action {@code size} is valid exactly at complete sets, where it is the
 * only valid action. Backward action d removes element d (valid when d is in the set), so the
 * uniform backward policy is 1/|S| over the elements of S.
 *
 * <p>Reward: each element d carries a utility u_d, and
 * <pre>  log r(S) = Σ_{d∈S} u_d / temperature.</pre>
 * The factory draws u_d once, independently and uniformly from [−1, 1), as
 * {@code 2·nextDouble() − 1} of {@code java.util.Random(seed)} (a generator whose sequence the JDK
 * specifies exactly, so a seed means the same task on every JVM).
 *
 * <p>Because the reward is a product over elements, Z = Σ_{|S|=k} Π_{d∈S} exp(u_d/T) is the
 * elementary symmetric polynomial e_k of the weights, computed exactly in log space in O(size·k).
 *
 * <p>Features: the membership vector of the set (one value per element, 1 when present).
 */
public final class SetsEnvironment implements Environment<ElementSet>, Enumerable<ElementSet>, KnownPartitionFunction {
    /** The ground set is a {@code long} bitmask; 62 keeps every binomial count within a {@code long}. */
    public static final int MAX_SIZE = 62;

    private final int size;
    private final int setSize;
    private final double temperature;
    private final double[] utilities;
    private final double[] logWeights;
    private final double logPartition;

    /**
     * @param utilities   u_d for each element of the ground set (its length is the ground-set size)
     * @param setSize     how many elements a complete set holds
     * @param temperature divides every utility; smaller is peakier
     */
    public SetsEnvironment(double[] utilities, int setSize, double temperature) {
        if (utilities.length < 1 || utilities.length > MAX_SIZE) {
            throw new IllegalArgumentException("sets needs a ground set of 1 to " + MAX_SIZE + " elements, got " + utilities.length);
        }
        if (setSize < 1 || setSize > utilities.length) {
            throw new IllegalArgumentException("set size must be between 1 and " + utilities.length + ", got " + setSize);
        }
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a finite number greater than 0, got " + temperature);
        }
        this.size = utilities.length;
        this.setSize = setSize;
        this.temperature = temperature;
        this.utilities = utilities.clone();
        this.logWeights = new double[size];
        for (int d = 0; d < size; d++) {
            if (!Double.isFinite(utilities[d])) {
                throw new IllegalArgumentException("utility of element " + d + " is " + utilities[d] + " (must be finite)");
            }
            logWeights[d] = utilities[d] / temperature;
        }
        this.logPartition = computeLogPartition();
    }

    /** The utilities the factory uses: u_d = 2·nextDouble() − 1 from {@code new Random(seed)}, d = 0 .. size−1. */
    public static double[] seededUtilities(int size, long seed) {
        Random random = new Random(seed);
        double[] u = new double[size];
        for (int d = 0; d < size; d++) {
            u[d] = 2 * random.nextDouble() - 1;
        }
        return u;
    }

    public int size() {
        return size;
    }

    public int setSize() {
        return setSize;
    }

    public double temperature() {
        return temperature;
    }

    /** A copy of the utilities u_d. */
    public double[] utilities() {
        return utilities.clone();
    }

    @Override
    public ElementSet initialState() {
        return ElementSet.EMPTY;
    }

    @Override
    public int forwardActionCount() {
        return size + 1;
    }

    @Override
    public int backwardActionCount() {
        return size;
    }

    @Override
    public void forwardMask(ElementSet state, boolean[] mask) {
        long members = state.members();
        boolean complete = Long.bitCount(members) == setSize;
        for (int d = 0; d < size; d++) {
            mask[d] = !complete && (members >>> d & 1L) == 0;
        }
        mask[size] = complete;
    }

    @Override
    public void backwardMask(ElementSet state, boolean[] mask) {
        long members = state.members();
        for (int d = 0; d < size; d++) {
            mask[d] = (members >>> d & 1L) != 0;
        }
    }

    @Override
    public ElementSet step(ElementSet state, int action) {
        if (action < 0 || action >= size || state.contains(action) || state.size() >= setSize) {
            throw new IllegalArgumentException("forward action " + action + " is not valid at " + state);
        }
        return state.with(action);
    }

    @Override
    public ElementSet backwardStep(ElementSet state, int backwardAction) {
        if (backwardAction < 0 || backwardAction >= size || !state.contains(backwardAction)) {
            throw new IllegalArgumentException("backward action " + backwardAction + " is not valid at " + state);
        }
        return state.without(backwardAction);
    }

    @Override
    public int forwardActionFor(ElementSet state, int backwardAction) {
        return backwardAction;
    }

    @Override
    public double logReward(ElementSet terminal) {
        if (terminal.size() != setSize) {
            throw new IllegalArgumentException("log-reward asked of " + terminal + ", which has " + terminal.size()
                    + " elements; only sets of exactly " + setSize + " are terminal");
        }
        double sum = 0;
        for (long rest = terminal.members(); rest != 0; rest &= rest - 1) {
            sum += logWeights[Long.numberOfTrailingZeros(rest)];
        }
        return sum;
    }

    @Override
    public int maxTrajectoryLength() {
        return setSize;
    }

    @Override
    public int featureSize() {
        return size;
    }

    @Override
    public void features(ElementSet state, float[] out, int offset) {
        long members = state.members();
        for (int d = 0; d < size; d++) {
            out[offset + d] = (members >>> d & 1L) != 0 ? 1f : 0f;
        }
    }

    @Override
    public String describe(ElementSet terminal) {
        return terminal.toString();
    }

    /** C(size, setSize): the number of complete sets. */
    public long terminalCount() {
        return binomial(size, setSize).longValueExact();
    }

    @Override
    public List<ElementSet> terminalStates(long cap) {
        long count = terminalCount();
        if (count > cap) {
            throw new IllegalStateException("sets of " + setSize + " out of " + size + " elements: there are " + count
                    + " of them, more than the cap of " + cap);
        }
        List<ElementSet> all = new ArrayList<>((int) count);
        // Gosper's hack: the next larger integer with the same number of one bits.
        long combination = (1L << setSize) - 1;
        long limit = 1L << size;
        while (combination < limit) {
            all.add(new ElementSet(combination));
            long lowest = combination & -combination;
            long ripple = combination + lowest;
            combination = (((ripple ^ combination) >>> 2) / lowest) | ripple;
        }
        return all;
    }

    @Override
    public double logPartition() {
        return logPartition;
    }

    /** log e_k(w_0 .. w_{n−1}) by the recurrence e_j ← e_j + w_d·e_{j−1}, one element at a time. */
    private double computeLogPartition() {
        double[] logE = new double[setSize + 1];
        Arrays.fill(logE, Double.NEGATIVE_INFINITY);
        logE[0] = 0;
        for (int d = 0; d < size; d++) {
            for (int j = Math.min(d + 1, setSize); j >= 1; j--) {
                logE[j] = LogSpace.logAddExp(logE[j], logE[j - 1] + logWeights[d]);
            }
        }
        return logE[setSize];
    }

    static BigInteger binomial(int n, int k) {
        BigInteger c = BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            c = c.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return c;
    }

    @Override
    public String toString() {
        return "sets(size=" + size + ", set-size=" + setSize + ", temperature=" + temperature + ")";
    }
}
