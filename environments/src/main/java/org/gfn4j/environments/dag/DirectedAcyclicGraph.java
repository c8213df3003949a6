package org.gfn4j.environments.dag;

import java.util.Arrays;
import java.util.StringJoiner;

/**
 * A directed graph over nodes 0 .. n−1 stored as one parent bitmask per node: bit i of
 * {@code parents[j]} is set when the edge i → j is present. Compared by value.
 */
public record DirectedAcyclicGraph(long[] parents) {

    /** The graph with n nodes and no edges. */
    public static DirectedAcyclicGraph empty(int nodes) {
        return new DirectedAcyclicGraph(new long[nodes]);
    }

    /** A graph from edges given as pairs {from, to}. */
    public static DirectedAcyclicGraph of(int nodes, int[]... edges) {
        long[] p = new long[nodes];
        for (int[] e : edges) {
            p[e[1]] |= 1L << e[0];
        }
        return new DirectedAcyclicGraph(p);
    }

    public int nodes() {
        return parents.length;
    }

    public boolean hasEdge(int from, int to) {
        return (parents[to] >>> from & 1L) != 0;
    }

    public int edgeCount() {
        int count = 0;
        for (long p : parents) {
            count += Long.bitCount(p);
        }
        return count;
    }

    DirectedAcyclicGraph withEdge(int from, int to) {
        long[] p = parents.clone();
        p[to] |= 1L << from;
        return new DirectedAcyclicGraph(p);
    }

    DirectedAcyclicGraph withoutEdge(int from, int to) {
        long[] p = parents.clone();
        p[to] &= ~(1L << from);
        return new DirectedAcyclicGraph(p);
    }

    /**
     * Fills {@code ancestors[v]} with the bitmask of nodes that have a directed path to v, and
     * returns false when the graph has a cycle (then the masks are incomplete).
     */
    boolean ancestors(long[] ancestors) {
        int n = parents.length;
        long done = 0;
        long all = n == 64 ? -1L : (1L << n) - 1;
        // Repeatedly settle the nodes whose parents are all settled: a topological sweep in O(n²) bit operations.
        while (done != all) {
            long settledNow = 0;
            for (int v = 0; v < n; v++) {
                if ((done >>> v & 1L) == 0 && (parents[v] & ~done) == 0) {
                    long a = parents[v];
                    for (long rest = parents[v]; rest != 0; rest &= rest - 1) {
                        a |= ancestors[Long.numberOfTrailingZeros(rest)];
                    }
                    ancestors[v] = a;
                    settledNow |= 1L << v;
                }
            }
            if (settledNow == 0) {
                return false;
            }
            done |= settledNow;
        }
        return true;
    }

    /** True when the graph has no directed cycle. */
    public boolean isAcyclic() {
        return ancestors(new long[parents.length]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DirectedAcyclicGraph g && Arrays.equals(parents, g.parents);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(parents);
    }

    /** The edge list, e.g. {@code {0->2, 1->2}}. */
    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ", "{", "}");
        for (int i = 0; i < parents.length; i++) {
            for (int j = 0; j < parents.length; j++) {
                if (hasEdge(i, j)) {
                    joiner.add(i + "->" + j);
                }
            }
        }
        return joiner.toString();
    }
}
