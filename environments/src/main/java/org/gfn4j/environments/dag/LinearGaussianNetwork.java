package org.gfn4j.environments.dag;

import java.util.Random;

/**
 * A random linear-Gaussian Bayesian network, to simulate data for structure learning when no data
 * file is given. Everything is drawn from one {@code java.util.Random(seed)}, in this order:
 * <ol>
 *   <li>a random topological order of the nodes (Fisher–Yates with {@code nextInt});</li>
 *   <li>for each pair (earlier, later) in that order, the edge earlier → later with probability
 *       p = min(1, 2/(n−1)), so the graph has n edges on average (Erdős–Rényi, one edge per node as in
 *       Deleu et al. 2022), and for each edge a weight of magnitude uniform in [0.5, 2) and random sign;</li>
 *   <li>the samples, node by node in topological order: X_j = Σ_{i→j} w_ij X_i + ε_j with
 *       ε_j ~ N(0, 1) from {@code nextGaussian}.</li>
 * </ol>
 *
 * @param graph   the true graph
 * @param weights weights[i][j] of the edge i → j (0 when absent)
 */
public record LinearGaussianNetwork(DirectedAcyclicGraph graph, double[][] weights) {

    public static LinearGaussianNetwork random(int nodes, Random random) {
        int[] order = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            order[i] = i;
        }
        for (int i = nodes - 1; i > 0; i--) {
            int k = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[k];
            order[k] = t;
        }
        double p = nodes > 1 ? Math.min(1.0, 2.0 / (nodes - 1)) : 0;
        long[] parents = new long[nodes];
        double[][] weights = new double[nodes][nodes];
        for (int a = 0; a < nodes; a++) {
            for (int b = a + 1; b < nodes; b++) {
                if (random.nextDouble() < p) {
                    int from = order[a];
                    int to = order[b];
                    parents[to] |= 1L << from;
                    double magnitude = 0.5 + 1.5 * random.nextDouble();
                    weights[from][to] = random.nextBoolean() ? magnitude : -magnitude;
                }
            }
        }
        return new LinearGaussianNetwork(new DirectedAcyclicGraph(parents), weights);
    }

    /** Draws {@code samples} rows by ancestral sampling with unit-variance Gaussian noise. */
    public ObservationTable sample(int samples, Random random) {
        int n = graph.nodes();
        int[] order = topologicalOrder();
        double[][] rows = new double[samples][n];
        for (double[] row : rows) {
            for (int j : order) {
                double value = random.nextGaussian();
                for (long rest = graph.parents()[j]; rest != 0; rest &= rest - 1) {
                    int i = Long.numberOfTrailingZeros(rest);
                    value += weights[i][j] * row[i];
                }
                row[j] = value;
            }
        }
        return new ObservationTable(ObservationTable.defaultNames(n), rows);
    }

    private int[] topologicalOrder() {
        int n = graph.nodes();
        int[] order = new int[n];
        long placed = 0;
        for (int k = 0; k < n; k++) {
            for (int v = 0; v < n; v++) {
                if ((placed >>> v & 1L) == 0 && (graph.parents()[v] & ~placed) == 0) {
                    order[k] = v;
                    placed |= 1L << v;
                    break;
                }
            }
        }
        return order;
    }
}
