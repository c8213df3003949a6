package org.gfn4j.environments.phylo;

import java.util.HashMap;
import java.util.Map;

/**
 * The likelihood of a rooted binary tree under the Jukes–Cantor (JC69) model with every branch of
 * the same length b, by Felsenstein's pruning algorithm.
 *
 * <p>JC69 transition probabilities over a branch of length b (expected substitutions per site):
 * P(same) = 1/4 + 3/4·e^{−4b/3}, P(different) = 1/4 − 1/4·e^{−4b/3}; the root state is uniform (1/4
 * each). Sites are independent, so log P(D | tree) = Σ_sites log Σ_a 1/4 · L_root(a). A leaf's
 * partial likelihood is 1 for each nucleotide its character allows (all four for missing data and
 * gaps, so they contribute nothing, as in standard practice) and 0 otherwise.
 *
 * <p>Identical columns are computed once (site patterns with counts). Partials that become tiny are
 * rescaled and the scale kept in log space, so large trees do not underflow.
 */
final class JukesCantorLikelihood {
    private static final double RESCALE_BELOW = 1e-150;

    private final int taxa;
    private final int patterns;
    private final double[] patternCounts;
    /** leafPartials[leaf][pattern * 4 + nucleotide] */
    private final double[][] leafPartials;
    private final double same;
    private final double different;

    JukesCantorLikelihood(Alignment alignment, double branchLength) {
        this.taxa = alignment.taxa().size();
        int sites = alignment.siteCount();
        Map<String, Integer> patternIndex = new HashMap<>();
        int[] patternOfSite = new int[sites];
        StringBuilder column = new StringBuilder(taxa);
        for (int s = 0; s < sites; s++) {
            column.setLength(0);
            for (int t = 0; t < taxa; t++) {
                column.append((char) ('a' + Alignment.stateSet(alignment.sequences().get(t).charAt(s))));
            }
            patternOfSite[s] = patternIndex.computeIfAbsent(column.toString(), k -> patternIndex.size());
        }
        this.patterns = patternIndex.size();
        this.patternCounts = new double[patterns];
        this.leafPartials = new double[taxa][patterns * 4];
        for (int s = 0; s < sites; s++) {
            int p = patternOfSite[s];
            patternCounts[p]++;
            for (int t = 0; t < taxa; t++) {
                int set = Alignment.stateSet(alignment.sequences().get(t).charAt(s));
                for (int a = 0; a < 4; a++) {
                    leafPartials[t][p * 4 + a] = (set >>> a & 1) != 0 ? 1 : 0;
                }
            }
        }
        double decay = Math.exp(-4.0 * branchLength / 3.0);
        this.same = 0.25 + 0.75 * decay;
        this.different = 0.25 - 0.25 * decay;
    }

    int patternCount() {
        return patterns;
    }

    /** log P(D | tree) for a forest that is a single tree over all taxa. */
    double logLikelihood(Forest tree) {
        long[] clusters = tree.clusters();
        int internal = clusters.length;
        // Post-order: clusters by increasing size; a node's children are the current tops of its leaves.
        long[] order = clusters.clone();
        sortBySize(order);
        double[][] partials = new double[internal][];
        long[] nodeCluster = new long[internal];
        int[] topOfLeaf = new int[taxa]; // −1 − leaf for a leaf itself, else index into partials
        for (int t = 0; t < taxa; t++) {
            topOfLeaf[t] = -1 - t;
        }
        double[] logScale = new double[patterns];
        for (int k = 0; k < internal; k++) {
            long cluster = order[k];
            int firstTop = topOfLeaf[Long.numberOfTrailingZeros(cluster)];
            long firstLeaves = firstTop < 0 ? 1L << (-1 - firstTop) : nodeCluster[firstTop];
            long rest = cluster & ~firstLeaves;
            int secondTop = topOfLeaf[Long.numberOfTrailingZeros(rest)];
            double[] first = firstTop < 0 ? leafPartials[-1 - firstTop] : partials[firstTop];
            double[] second = secondTop < 0 ? leafPartials[-1 - secondTop] : partials[secondTop];
            partials[k] = combine(first, second, logScale);
            nodeCluster[k] = cluster;
            for (long bits = cluster; bits != 0; bits &= bits - 1) {
                topOfLeaf[Long.numberOfTrailingZeros(bits)] = k;
            }
        }
        double[] root = partials[internal - 1];
        double logLikelihood = 0;
        for (int p = 0; p < patterns; p++) {
            int o = p * 4;
            double site = 0.25 * (root[o] + root[o + 1] + root[o + 2] + root[o + 3]);
            logLikelihood += patternCounts[p] * (Math.log(site) + logScale[p]);
        }
        return logLikelihood;
    }

    /** The parent's partials: for each state a, Π_children Σ_b P(a→b) L_child(b) = Π (different·ΣL + (same − different)·L(a)). */
    private double[] combine(double[] left, double[] right, double[] logScale) {
        double[] out = new double[patterns * 4];
        double gain = same - different;
        for (int p = 0; p < patterns; p++) {
            int o = p * 4;
            double leftSum = different * (left[o] + left[o + 1] + left[o + 2] + left[o + 3]);
            double rightSum = different * (right[o] + right[o + 1] + right[o + 2] + right[o + 3]);
            double max = 0;
            for (int a = 0; a < 4; a++) {
                double v = (leftSum + gain * left[o + a]) * (rightSum + gain * right[o + a]);
                out[o + a] = v;
                max = Math.max(max, v);
            }
            if (max < RESCALE_BELOW && max > 0) {
                for (int a = 0; a < 4; a++) {
                    out[o + a] /= max;
                }
                logScale[p] += Math.log(max);
            }
        }
        return out;
    }

    private static void sortBySize(long[] clusters) {
        for (int i = 1; i < clusters.length; i++) {
            long c = clusters[i];
            int size = Long.bitCount(c);
            int j = i - 1;
            while (j >= 0 && Long.bitCount(clusters[j]) > size) {
                clusters[j + 1] = clusters[j];
                j--;
            }
            clusters[j + 1] = c;
        }
    }
}
