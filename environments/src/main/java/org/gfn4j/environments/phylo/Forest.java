package org.gfn4j.environments.phylo;

import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * A forest of rooted binary trees over leaves 0 .. n−1, in canonical form so that equal forests are
 * equal records.
 *
 * <p>A rooted binary tree is determined by its clusters, the leaf sets below its internal nodes
 * (bitmasks); a forest by the clusters of all its trees. {@code clusters} holds them in increasing
 * numeric order. {@code roots} holds the leaf set of each tree, ordered by smallest leaf: this
 * canonical order numbers the trees 0 .. k−1, and the actions refer to trees by that number.
 *
 * @param roots    leaf sets of the trees, ordered by smallest leaf
 * @param clusters leaf sets of all internal nodes, sorted
 */
public record Forest(long[] roots, long[] clusters) {

    /** n one-leaf trees: the initial state. */
    public static Forest leaves(int n) {
        long[] roots = new long[n];
        for (int i = 0; i < n; i++) {
            roots[i] = 1L << i;
        }
        return new Forest(roots, new long[0]);
    }

    /** A single tree given by its clusters (internal nodes, the root included), in any order. */
    public static Forest tree(long... clusters) {
        long[] sorted = clusters.clone();
        Arrays.sort(sorted);
        long root = 0;
        for (long c : sorted) {
            root |= c;
        }
        return new Forest(new long[] {root}, sorted);
    }

    public int treeCount() {
        return roots.length;
    }

    public boolean isSingleTree() {
        return roots.length == 1;
    }

    /** The child of an internal node (given by its cluster) that holds the node's smallest leaf. */
    public long firstChild(long cluster) {
        long lowest = Long.lowestOneBit(cluster);
        long best = lowest;
        int bestSize = 1;
        for (long c : clusters) {
            if ((c & lowest) != 0 && c != cluster && (c & ~cluster) == 0) {
                int size = Long.bitCount(c);
                if (size > bestSize) {
                    best = c;
                    bestSize = size;
                }
            }
        }
        return best;
    }

    /** Trees i &lt; j joined under a new root; the new tree keeps position i (its smallest leaf is tree i's). */
    Forest merged(int i, int j) {
        long joined = roots[i] | roots[j];
        long[] newRoots = new long[roots.length - 1];
        System.arraycopy(roots, 0, newRoots, 0, j);
        System.arraycopy(roots, j + 1, newRoots, j, roots.length - j - 1);
        newRoots[i] = joined;
        return new Forest(newRoots, inserted(clusters, joined));
    }

    /** Tree b, whose root must be internal, split into its two subtrees. */
    Forest split(int b) {
        long root = roots[b];
        long first = firstChild(root);
        long second = root ^ first;
        int at = positionAfterSplit(b, second);
        long[] newRoots = new long[roots.length + 1];
        // roots[0..b) unchanged, then `first` at b, the roots between, `second` at `at`, the rest after.
        for (int src = 0, dst = 0; dst < newRoots.length; dst++) {
            if (dst == at) {
                newRoots[dst] = second;
            } else {
                newRoots[dst] = src == b ? first : roots[src];
                src++;
            }
        }
        return new Forest(newRoots, removed(clusters, root));
    }

    /** Where the second subtree of tree b lands when b is split: after every tree whose smallest leaf is smaller. */
    int positionAfterSplit(int b, long second) {
        int leaf = Long.numberOfTrailingZeros(second);
        int at = 0;
        for (int t = 0; t < roots.length; t++) {
            // tree b's replacement keeps b's smallest leaf, which is smaller than `second`'s
            if (Long.numberOfTrailingZeros(roots[t]) < leaf) {
                at++;
            }
        }
        return at;
    }

    private static long[] inserted(long[] sorted, long value) {
        int at = Arrays.binarySearch(sorted, value);
        if (at >= 0) {
            throw new IllegalStateException("cluster already present");
        }
        at = -at - 1;
        long[] out = new long[sorted.length + 1];
        System.arraycopy(sorted, 0, out, 0, at);
        out[at] = value;
        System.arraycopy(sorted, at, out, at + 1, sorted.length - at);
        return out;
    }

    private static long[] removed(long[] sorted, long value) {
        int at = Arrays.binarySearch(sorted, value);
        long[] out = new long[sorted.length - 1];
        System.arraycopy(sorted, 0, out, 0, at);
        System.arraycopy(sorted, at + 1, out, at, sorted.length - at - 1);
        return out;
    }

    /** Newick text of one tree of this forest (given by its leaf set), children ordered by smallest leaf, without ';'. */
    public String newick(long tree, List<String> names) {
        StringBuilder b = new StringBuilder();
        appendNewick(tree, names, b);
        return b.toString();
    }

    private void appendNewick(long node, List<String> names, StringBuilder b) {
        if (Long.bitCount(node) == 1) {
            int leaf = Long.numberOfTrailingZeros(node);
            b.append(names == null ? Integer.toString(leaf) : names.get(leaf));
            return;
        }
        long first = firstChild(node);
        b.append('(');
        appendNewick(first, names, b);
        b.append(',');
        appendNewick(node ^ first, names, b);
        b.append(')');
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Forest f && Arrays.equals(roots, f.roots) && Arrays.equals(clusters, f.clusters);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(roots) + Arrays.hashCode(clusters);
    }

    /** The trees in Newick with leaf numbers, e.g. {@code ((0,2),1) 3}. */
    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(" ");
        for (long r : roots) {
            joiner.add(newick(r, null));
        }
        return joiner.toString();
    }
}
