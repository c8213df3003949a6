package org.gfn4j.environments.dag;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Consumer;
import org.gfn4j.api.env.Enumerable;
import org.gfn4j.api.env.Environment;
import org.gfn4j.api.env.KnownPartitionFunction;
import org.gfn4j.environments.shared.ComputedOnce;

/**
 * Bayesian structure learning (Deleu et al. 2022, DAG-GFlowNet): build a directed acyclic graph over
 * n variables one edge at a time, starting from the empty graph.
 *
 * <p>Forward action i·n + j adds the edge i → j; it is valid when i ≠ j, the edge is absent, and j is
 * not an ancestor of i (the graph stays acyclic). The exit action n² is valid at every state: every
 * DAG is a possible object. Backward action i·n + j removes the edge i → j (valid when present), so
 * the uniform backward policy is 1/|E| over the edges of G and {@code forwardActionFor} is the
 * identity.
 *
 * <p>Reward: the posterior over graphs, tempered in the likelihood,
 * <pre>  log r(G) = BGe(D | G) / temperature + log P(G),  P(G) = 1 / (number of DAGs on n nodes)</pre>
 * (the uniform graph prior, normalised, so that at temperature 1 Z is the evidence P(D)); see
 * {@link BgeScore} for the score.
 *
 * <p>Features: the adjacency matrix (n² values) followed by the ancestor matrix (n² values, 1 at
 * (i, j) when i has a directed path to j, i.e. when adding j → i would close a cycle).
 */
public final class DagEnvironment implements Environment<DirectedAcyclicGraph>, Enumerable<DirectedAcyclicGraph>, KnownPartitionFunction {
    /** The largest graph: n² actions, and parent sets fit a {@code long} with room to spare. */
    public static final int MAX_NODES = 20;
    /** log Z is computed by enumeration up to this many DAGs (6 nodes: 3,781,503). */
    private static final long PARTITION_ENUMERATION_CAP = 4_000_000L;

    private final int n;
    private final BgeScore score;
    private final double temperature;
    private final List<String> variables;
    private final double logPrior;
    private final ComputedOnce logPartition = new ComputedOnce(this::computeLogPartition);

    public DagEnvironment(ObservationTable data, double alphaMu, double temperature) {
        this.n = data.variableCount();
        if (n < 2 || n > MAX_NODES) {
            throw new IllegalArgumentException("dag needs 2 to " + MAX_NODES + " variables, got " + n);
        }
        if (data.sampleCount() < 2) {
            throw new IllegalArgumentException("dag needs at least 2 samples, got " + data.sampleCount());
        }
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a finite number greater than 0, got " + temperature);
        }
        if (!(alphaMu > 0) || !Double.isFinite(alphaMu)) {
            throw new IllegalArgumentException("alpha-mu must be a finite number greater than 0, got " + alphaMu);
        }
        this.score = new BgeScore(data, alphaMu);
        this.temperature = temperature;
        this.variables = data.variables();
        this.logPrior = -logOfBigInteger(dagCount(n));
    }

    /** The number of labelled DAGs on n nodes, by Robinson's recurrence a(n) = Σ_k (−1)^{k+1} C(n,k) 2^{k(n−k)} a(n−k). */
    public static BigInteger dagCount(int nodes) {
        BigInteger[] a = new BigInteger[nodes + 1];
        a[0] = BigInteger.ONE;
        for (int m = 1; m <= nodes; m++) {
            BigInteger sum = BigInteger.ZERO;
            BigInteger binomial = BigInteger.ONE;
            for (int k = 1; k <= m; k++) {
                binomial = binomial.multiply(BigInteger.valueOf(m - k + 1)).divide(BigInteger.valueOf(k));
                BigInteger term = binomial.shiftLeft(k * (m - k)).multiply(a[m - k]);
                sum = (k % 2 == 1) ? sum.add(term) : sum.subtract(term);
            }
            a[m] = sum;
        }
        return a[nodes];
    }

    private static double logOfBigInteger(BigInteger x) {
        int shift = Math.max(0, x.bitLength() - 60);
        return Math.log(x.shiftRight(shift).doubleValue()) + shift * Math.log(2);
    }

    public int nodes() {
        return n;
    }

    public List<String> variables() {
        return variables;
    }

    /** log P(D | G), the BGe score itself (untempered, without the prior). */
    public double bgeScore(DirectedAcyclicGraph graph) {
        return score.logMarginalLikelihood(graph);
    }

    /** The forward (and backward) action index of the edge from → to. */
    public int edgeAction(int from, int to) {
        return from * n + to;
    }

    @Override
    public DirectedAcyclicGraph initialState() {
        return DirectedAcyclicGraph.empty(n);
    }

    @Override
    public int forwardActionCount() {
        return n * n + 1;
    }

    @Override
    public int backwardActionCount() {
        return n * n;
    }

    @Override
    public void forwardMask(DirectedAcyclicGraph state, boolean[] mask) {
        long[] ancestors = new long[n];
        state.ancestors(ancestors);
        long[] parents = state.parents();
        for (int i = 0; i < n; i++) {
            long ancestorsOfI = ancestors[i];
            for (int j = 0; j < n; j++) {
                mask[i * n + j] = i != j && (parents[j] >>> i & 1L) == 0 && (ancestorsOfI >>> j & 1L) == 0;
            }
        }
        mask[n * n] = true;
    }

    @Override
    public void backwardMask(DirectedAcyclicGraph state, boolean[] mask) {
        long[] parents = state.parents();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                mask[i * n + j] = (parents[j] >>> i & 1L) != 0;
            }
        }
    }

    @Override
    public DirectedAcyclicGraph step(DirectedAcyclicGraph state, int action) {
        if (action < 0 || action >= n * n) {
            throw new IllegalArgumentException("forward action " + action + " is not valid at " + state);
        }
        int from = action / n;
        int to = action % n;
        long[] ancestors = new long[n];
        state.ancestors(ancestors);
        if (from == to || state.hasEdge(from, to) || (ancestors[from] >>> to & 1L) != 0) {
            throw new IllegalArgumentException("forward action " + action + " (" + from + "->" + to + ") is not valid at "
                    + state + (from == to ? ": a self-loop" : state.hasEdge(from, to) ? ": already present" : ": it closes a cycle"));
        }
        return state.withEdge(from, to);
    }

    @Override
    public DirectedAcyclicGraph backwardStep(DirectedAcyclicGraph state, int backwardAction) {
        if (backwardAction < 0 || backwardAction >= n * n || !state.hasEdge(backwardAction / n, backwardAction % n)) {
            throw new IllegalArgumentException("backward action " + backwardAction + " is not valid at " + state);
        }
        return state.withoutEdge(backwardAction / n, backwardAction % n);
    }

    @Override
    public int forwardActionFor(DirectedAcyclicGraph state, int backwardAction) {
        return backwardAction;
    }

    @Override
    public double logReward(DirectedAcyclicGraph terminal) {
        return score.logMarginalLikelihood(terminal) / temperature + logPrior;
    }

    @Override
    public int maxTrajectoryLength() {
        return n * (n - 1) / 2;
    }

    @Override
    public int featureSize() {
        return 2 * n * n;
    }

    @Override
    public void features(DirectedAcyclicGraph state, float[] out, int offset) {
        long[] ancestors = new long[n];
        state.ancestors(ancestors);
        long[] parents = state.parents();
        int closure = offset + n * n;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[offset + i * n + j] = (parents[j] >>> i & 1L) != 0 ? 1f : 0f;
                out[closure + i * n + j] = (ancestors[j] >>> i & 1L) != 0 ? 1f : 0f;
            }
        }
    }

    /** The edge list with variable names, e.g. {@code {X0 -> X2, X1 -> X2}}. */
    @Override
    public String describe(DirectedAcyclicGraph terminal) {
        StringJoiner joiner = new StringJoiner(", ", "{", "}");
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (terminal.hasEdge(i, j)) {
                    joiner.add(variables.get(i) + " -> " + variables.get(j));
                }
            }
        }
        return joiner.toString();
    }

    @Override
    public List<DirectedAcyclicGraph> terminalStates(long cap) {
        BigInteger count = dagCount(n);
        if (count.compareTo(BigInteger.valueOf(cap)) > 0) {
            throw new IllegalStateException("DAGs on " + n + " nodes: there are " + count + " of them, more than the cap of " + cap);
        }
        List<DirectedAcyclicGraph> all = new ArrayList<>(count.intValueExact());
        forEachDag(g -> all.add(new DirectedAcyclicGraph(g.clone())));
        return all;
    }

    /**
     * Visits every DAG once: decide edge by edge (in action order) whether it is present, and include
     * an edge only when it keeps the graph acyclic — supersets of a cyclic graph are cyclic, so this
     * prunes nothing that is a DAG. The array handed to the visitor is reused.
     */
    private void forEachDag(Consumer<long[]> visitor) {
        enumerateFrom(0, new long[n], visitor);
    }

    private void enumerateFrom(int edge, long[] parents, Consumer<long[]> visitor) {
        if (edge == n * n) {
            visitor.accept(parents);
            return;
        }
        int from = edge / n;
        int to = edge % n;
        enumerateFrom(edge + 1, parents, visitor);
        if (from != to && !reaches(parents, to, from)) {
            parents[to] |= 1L << from;
            enumerateFrom(edge + 1, parents, visitor);
            parents[to] &= ~(1L << from);
        }
    }

    /** True when there is a directed path from {@code source} to {@code target} (or they are equal). */
    private boolean reaches(long[] parents, int source, int target) {
        // walk backwards from target over parents
        long seen = 1L << target;
        long frontier = seen;
        while (frontier != 0) {
            if ((seen >>> source & 1L) != 0) {
                return true;
            }
            long next = 0;
            for (long rest = frontier; rest != 0; rest &= rest - 1) {
                next |= parents[Long.numberOfTrailingZeros(rest)];
            }
            frontier = next & ~seen;
            seen |= next;
        }
        return (seen >>> source & 1L) != 0;
    }

    /**
     * Exact log Z by enumeration when there are at most 4,000,000 DAGs (up to 6 nodes; computed once,
     * on first use), else NaN.
     */
    @Override
    public double logPartition() {
        return logPartition.get();
    }

    private double computeLogPartition() {
        if (dagCount(n).compareTo(BigInteger.valueOf(PARTITION_ENUMERATION_CAP)) > 0) {
            return Double.NaN;
        }
        // running log-sum-exp: rescale the sum whenever a larger term appears
        double[] maxAndSum = {Double.NEGATIVE_INFINITY, 0};
        forEachDag(parents -> {
            double x = 0;
            for (int j = 0; j < n; j++) {
                x += score.local(j, parents[j]);
            }
            x = x / temperature + logPrior;
            if (x > maxAndSum[0]) {
                maxAndSum[1] = maxAndSum[1] * Math.exp(maxAndSum[0] - x) + 1;
                maxAndSum[0] = x;
            } else {
                maxAndSum[1] += Math.exp(x - maxAndSum[0]);
            }
        });
        return maxAndSum[0] + Math.log(maxAndSum[1]);
    }

    @Override
    public String toString() {
        return "dag(nodes=" + n + ", temperature=" + temperature + ")";
    }
}
