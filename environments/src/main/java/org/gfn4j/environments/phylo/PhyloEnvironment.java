package org.gfn4j.environments.phylo;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.gfn4j.api.env.Enumerable;
import org.gfn4j.api.env.Environment;
import org.gfn4j.api.env.KnownPartitionFunction;
import org.gfn4j.api.math.LogSpace;
import org.gfn4j.environments.shared.ComputedOnce;

/**
 * Bayesian phylogenetic inference over rooted tree topologies (after Zhou et al. 2024, PhyloGFN):
 * start from n one-leaf trees, one per species, and merge two trees under a new root at each step
 * until one tree remains.
 *
 * <p>Actions. The trees of a forest are numbered 0 .. k−1 by their smallest leaf (see {@link Forest}).
 * Forward action a, 0 ≤ a &lt; n(n−1)/2, merges trees i &lt; j where a = j(j−1)/2 + i; this numbering
 * puts the pairs of the first k trees first, so at a forest of k trees the valid merges are exactly
 * a &lt; k(k−1)/2. The exit action n(n−1)/2 is valid exactly when one tree remains, and is then the
 * only valid action. Backward action b (0 ≤ b &lt; n−1) splits tree b into its two subtrees (valid
 * when tree b is not a single leaf); the uniform backward policy spreads over those trees. A tree
 * topology is reached by as many trajectories as it has ranked histories, which is fine: p_B says
 * how they share its reward.
 *
 * <p>Reward: the posterior over topologies with every branch of fixed length b,
 * <pre>  log r(x) = log P(D | x) / temperature + log P(x),  P(x) = 1 / (2n−3)!!</pre>
 * with P(D | x) the JC69 likelihood ({@link JukesCantorLikelihood}) and P(x) the uniform prior over
 * the (2n−3)!! rooted binary topologies; at temperature 1, Z is the evidence P(D) (given b).
 *
 * <p>Features: for each tree position i and leaf v, 1 when v is in tree i (n² values); then, for
 * each pair of leaves u ≤ v, the number of internal nodes above both divided by n−1 (n(n+1)/2
 * values: the cophenetic vector, which determines each tree's shape).
 */
public final class PhyloEnvironment implements Environment<Forest>, Enumerable<Forest>, KnownPartitionFunction {
    /** Leaves are bits of a {@code long}. */
    public static final int MAX_SPECIES = 63;
    /** log Z is computed by enumerating the trees when there are at most this many (8 species: 135,135). */
    private static final long PARTITION_ENUMERATION_CAP = 150_000L;

    private final Alignment alignment;
    private final int n;
    private final int pairCount;
    private final int[] pairFirst;
    private final int[] pairSecond;
    private final double branchLength;
    private final double temperature;
    private final double logPrior;
    private final JukesCantorLikelihood likelihood;
    private final ComputedOnce logPartition = new ComputedOnce(this::computeLogPartition);

    /**
     * @param alignment    the species (taxa, in this order: leaf i is taxon i) and their sequences
     * @param branchLength length of every branch, in expected substitutions per site
     * @param temperature  divides the log-likelihood
     */
    public PhyloEnvironment(Alignment alignment, double branchLength, double temperature) {
        this.n = alignment.taxa().size();
        if (n < 2 || n > MAX_SPECIES) {
            throw new IllegalArgumentException("phylo needs 2 to " + MAX_SPECIES + " species, got " + n);
        }
        if (!(branchLength > 0) || !Double.isFinite(branchLength)) {
            throw new IllegalArgumentException("branch length must be a finite number greater than 0, got " + branchLength);
        }
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a finite number greater than 0, got " + temperature);
        }
        this.alignment = alignment;
        this.branchLength = branchLength;
        this.temperature = temperature;
        this.pairCount = n * (n - 1) / 2;
        this.pairFirst = new int[pairCount];
        this.pairSecond = new int[pairCount];
        for (int j = 1; j < n; j++) {
            for (int i = 0; i < j; i++) {
                int a = pairIndex(i, j);
                pairFirst[a] = i;
                pairSecond[a] = j;
            }
        }
        this.likelihood = new JukesCantorLikelihood(alignment, branchLength);
        this.logPrior = -logDoubleFactorial(2 * n - 3);
    }

    /** The forward action that merges trees i &lt; j. */
    public static int pairIndex(int i, int j) {
        return j * (j - 1) / 2 + i;
    }

    /** (2n−3)!!, the number of rooted binary topologies on n labelled leaves. */
    public static BigInteger rootedTopologyCount(int n) {
        BigInteger count = BigInteger.ONE;
        for (int k = 3; k <= 2 * n - 3; k += 2) {
            count = count.multiply(BigInteger.valueOf(k));
        }
        return count;
    }

    private static double logDoubleFactorial(int m) {
        double sum = 0;
        for (int k = 3; k <= m; k += 2) {
            sum += Math.log(k);
        }
        return sum;
    }

    public List<String> species() {
        return alignment.taxa();
    }

    public double branchLength() {
        return branchLength;
    }

    /** Distinct alignment columns among the chosen species. */
    public int sitePatternCount() {
        return likelihood.patternCount();
    }

    /** log P(D | tree), the JC69 log-likelihood itself (untempered, without the prior). */
    public double logLikelihood(Forest tree) {
        requireTree(tree);
        return likelihood.logLikelihood(tree);
    }

    private void requireTree(Forest forest) {
        if (!forest.isSingleTree() || forest.roots()[0] != fullLeafSet()) {
            throw new IllegalArgumentException("expected a single tree over all " + n + " species, got " + forest);
        }
    }

    private long fullLeafSet() {
        return n == 64 ? -1L : (1L << n) - 1;
    }

    @Override
    public Forest initialState() {
        return Forest.leaves(n);
    }

    @Override
    public int forwardActionCount() {
        return pairCount + 1;
    }

    @Override
    public int backwardActionCount() {
        return n - 1;
    }

    @Override
    public void forwardMask(Forest state, boolean[] mask) {
        int k = state.treeCount();
        int valid = k * (k - 1) / 2;
        for (int a = 0; a < pairCount; a++) {
            mask[a] = a < valid;
        }
        mask[pairCount] = k == 1;
    }

    @Override
    public void backwardMask(Forest state, boolean[] mask) {
        long[] roots = state.roots();
        for (int b = 0; b < n - 1; b++) {
            mask[b] = b < roots.length && Long.bitCount(roots[b]) > 1;
        }
    }

    @Override
    public Forest step(Forest state, int action) {
        int k = state.treeCount();
        if (action < 0 || action >= k * (k - 1) / 2) {
            throw new IllegalArgumentException("forward action " + action + " is not valid at " + state + " (" + k + " trees)");
        }
        return state.merged(pairFirst[action], pairSecond[action]);
    }

    @Override
    public Forest backwardStep(Forest state, int backwardAction) {
        requireSplittable(state, backwardAction);
        return state.split(backwardAction);
    }

    @Override
    public int forwardActionFor(Forest state, int backwardAction) {
        requireSplittable(state, backwardAction);
        long root = state.roots()[backwardAction];
        long second = root ^ state.firstChild(root);
        return pairIndex(backwardAction, state.positionAfterSplit(backwardAction, second));
    }

    private static void requireSplittable(Forest state, int b) {
        if (b < 0 || b >= state.treeCount() || Long.bitCount(state.roots()[b]) < 2) {
            throw new IllegalArgumentException("backward action " + b + " is not valid at " + state);
        }
    }

    @Override
    public double logReward(Forest terminal) {
        return logLikelihood(terminal) / temperature + logPrior;
    }

    @Override
    public int maxTrajectoryLength() {
        return n - 1;
    }

    @Override
    public int featureSize() {
        return n * n + n * (n + 1) / 2;
    }

    @Override
    public void features(Forest state, float[] out, int offset) {
        int size = featureSize();
        java.util.Arrays.fill(out, offset, offset + size, 0f);
        long[] roots = state.roots();
        for (int i = 0; i < roots.length; i++) {
            for (long bits = roots[i]; bits != 0; bits &= bits - 1) {
                out[offset + i * n + Long.numberOfTrailingZeros(bits)] = 1f;
            }
        }
        int cophenetic = offset + n * n;
        float unit = n > 1 ? 1f / (n - 1) : 1f;
        for (long cluster : state.clusters()) {
            for (long us = cluster; us != 0; us &= us - 1) {
                int u = Long.numberOfTrailingZeros(us);
                for (long vs = us; vs != 0; vs &= vs - 1) {
                    int v = Long.numberOfTrailingZeros(vs);
                    // row u of the upper triangle (u ≤ v) starts at u·n − u(u−1)/2
                    out[cophenetic + u * n - u * (u - 1) / 2 + (v - u)] += unit;
                }
            }
        }
    }

    /** Newick with species names, e.g. {@code ((Homo_sapiens,Pan),Gorilla);}; trees of a forest separated by spaces. */
    @Override
    public String describe(Forest terminal) {
        StringBuilder b = new StringBuilder();
        for (long root : terminal.roots()) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(terminal.newick(root, alignment.taxa())).append(';');
        }
        return b.toString();
    }

    @Override
    public List<Forest> terminalStates(long cap) {
        BigInteger count = rootedTopologyCount(n);
        if (count.compareTo(BigInteger.valueOf(cap)) > 0) {
            throw new IllegalStateException("rooted binary trees on " + n + " species: there are " + count
                    + " of them, more than the cap of " + cap);
        }
        List<Forest> all = new ArrayList<>(count.intValueExact());
        insertLeaf(1, new long[0], all);
        return all;
    }

    /**
     * Every rooted binary tree once: trees on leaves 0 .. k−1 extended by putting leaf k on each of
     * their 2k−1 edges (above each leaf, above each internal node, or above the root). Inserting above
     * node X adds the cluster X ∪ {k} and adds k to every cluster that strictly contains X.
     */
    private void insertLeaf(int k, long[] clusters, List<Forest> out) {
        if (k == n) {
            out.add(Forest.tree(clusters));
            return;
        }
        long leafK = 1L << k;
        for (int leaf = 0; leaf < k; leaf++) {
            insertLeaf(k + 1, insertedAbove(clusters, 1L << leaf, leafK), out);
        }
        for (long x : clusters) {
            insertLeaf(k + 1, insertedAbove(clusters, x, leafK), out);
        }
    }

    private static long[] insertedAbove(long[] clusters, long node, long leaf) {
        long[] next = new long[clusters.length + 1];
        for (int i = 0; i < clusters.length; i++) {
            long c = clusters[i];
            next[i] = (c & node) == node && c != node ? c | leaf : c;
        }
        next[clusters.length] = node | leaf;
        return next;
    }

    /**
     * Exact log Z by enumerating every topology, when there are at most 150,000 (up to 8 species;
     * computed once, on first use), else NaN.
     */
    @Override
    public double logPartition() {
        return logPartition.get();
    }

    private double computeLogPartition() {
        if (rootedTopologyCount(n).compareTo(BigInteger.valueOf(PARTITION_ENUMERATION_CAP)) > 0) {
            return Double.NaN;
        }
        List<Forest> trees = terminalStates(PARTITION_ENUMERATION_CAP);
        double[] logRewards = new double[trees.size()];
        for (int i = 0; i < logRewards.length; i++) {
            logRewards[i] = logReward(trees.get(i));
        }
        return LogSpace.logSumExp(logRewards);
    }

    @Override
    public String toString() {
        return "phylo(species=" + alignment.taxa() + ", branch-length=" + branchLength + ", temperature=" + temperature + ")";
    }
}
