package org.gfn4j.environments.dag;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The BGe score (Geiger &amp; Heckerman 1994, in the corrected form of Kuipers, Moffa &amp; Heckerman 2014,
 * as implemented by Deleu et al. 2022 for DAG-GFlowNet): the log marginal likelihood log P(D | G) of
 * data D (N samples of n variables) under a linear-Gaussian model with a normal-Wishart prior. It
 * decomposes over nodes, log P(D | G) = Σ_j s(j, Pa_j), with
 * <pre>
 *   s(j, Pa) = ½(log α_μ − log(N + α_μ)) − (N/2) log π
 *            + log Γ((N + α_w − n + l + 1)/2) − log Γ((α_w − n + l + 1)/2)
 *            + ½(α_w − n + 2l + 1) log t
 *            + ½(N + α_w − n + l) log det R[Pa, Pa] − ½(N + α_w − n + l + 1) log det R[Pa∪{j}, Pa∪{j}]
 * </pre>
 * where l = |Pa|, t = α_μ(α_w − n − 1)/(α_μ + 1), and
 * R = t·I + Σ_s (x_s − x̄)(x_s − x̄)ᵀ + (N α_μ/(N + α_μ)) (x̄ − ν)(x̄ − ν)ᵀ with prior mean ν = 0.
 * Hyper-parameters: α_μ (default 1) and α_w = n + 2, the smallest value that keeps the Wishart
 * prior proper with a finite mean. The score is score-equivalent: Markov-equivalent graphs score alike.
 *
 * <p>Local scores are tabulated for every (node, parent set) when n ≤ 10 and cached on demand above that.
 */
final class BgeScore {
    private static final int TABULATE_UP_TO = 10;

    private final int n;
    private final int samples;
    private final double[][] r;
    private final double[] constantByParentCount;
    private final double[][] table;
    private final ConcurrentHashMap<Long, Double> cache;

    BgeScore(ObservationTable data, double alphaMu) {
        this.n = data.variableCount();
        this.samples = data.sampleCount();
        double alphaW = n + 2;
        double t = alphaMu * (alphaW - n - 1) / (alphaMu + 1);
        double[] mean = new double[n];
        for (double[] row : data.rows()) {
            for (int i = 0; i < n; i++) {
                mean[i] += row[i];
            }
        }
        for (int i = 0; i < n; i++) {
            mean[i] /= samples;
        }
        r = new double[n][n];
        for (double[] row : data.rows()) {
            for (int i = 0; i < n; i++) {
                double di = row[i] - mean[i];
                for (int k = 0; k < n; k++) {
                    r[i][k] += di * (row[k] - mean[k]);
                }
            }
        }
        double meanWeight = samples * alphaMu / (samples + alphaMu);
        for (int i = 0; i < n; i++) {
            r[i][i] += t;
            for (int k = 0; k < n; k++) {
                r[i][k] += meanWeight * mean[i] * mean[k];
            }
        }
        constantByParentCount = new double[n];
        for (int l = 0; l < n; l++) {
            constantByParentCount[l] = 0.5 * (Math.log(alphaMu) - Math.log(samples + alphaMu))
                    - 0.5 * samples * Math.log(Math.PI)
                    + LogGamma.of(0.5 * (samples + alphaW - n + l + 1)) - LogGamma.of(0.5 * (alphaW - n + l + 1))
                    + 0.5 * (alphaW - n + 2 * l + 1) * Math.log(t);
        }
        if (n <= TABULATE_UP_TO) {
            table = new double[n][1 << n];
            for (int j = 0; j < n; j++) {
                for (int mask = 0; mask < 1 << n; mask++) {
                    if ((mask >>> j & 1) == 0) {
                        table[j][mask] = compute(j, mask);
                    }
                }
            }
            cache = null;
        } else {
            table = null;
            cache = new ConcurrentHashMap<>();
        }
    }

    /** log P(D | G) = Σ_j s(j, Pa_j). */
    double logMarginalLikelihood(DirectedAcyclicGraph graph) {
        double sum = 0;
        long[] parents = graph.parents();
        for (int j = 0; j < n; j++) {
            sum += local(j, parents[j]);
        }
        return sum;
    }

    /** s(j, Pa) for the parent set given as a bitmask (bit j must be clear). */
    double local(int j, long parentMask) {
        if (table != null) {
            return table[j][(int) parentMask];
        }
        return cache.computeIfAbsent(parentMask * n + j, key -> compute(j, parentMask));
    }

    private double compute(int j, long parentMask) {
        int l = Long.bitCount(parentMask);
        double a = samples + n + 2 - n + l; // N + α_w − n + l with α_w = n + 2
        int[] parentsOnly = indices(parentMask);
        int[] withChild = indices(parentMask | 1L << j);
        return constantByParentCount[l] + 0.5 * a * logDeterminant(parentsOnly) - 0.5 * (a + 1) * logDeterminant(withChild);
    }

    private static int[] indices(long mask) {
        int[] idx = new int[Long.bitCount(mask)];
        int k = 0;
        for (long rest = mask; rest != 0; rest &= rest - 1) {
            idx[k++] = Long.numberOfTrailingZeros(rest);
        }
        return idx;
    }

    /** log det R[idx, idx] by Cholesky (R is symmetric positive definite: t·I plus scatter matrices); 0 for an empty set. */
    private double logDeterminant(int[] idx) {
        int m = idx.length;
        double[][] l = new double[m][m];
        double logDet = 0;
        for (int i = 0; i < m; i++) {
            for (int k = 0; k <= i; k++) {
                double s = r[idx[i]][idx[k]];
                for (int p = 0; p < k; p++) {
                    s -= l[i][p] * l[k][p];
                }
                if (i == k) {
                    if (!(s > 0)) {
                        throw new IllegalStateException("the BGe scatter matrix is not positive definite");
                    }
                    l[i][i] = Math.sqrt(s);
                    logDet += 2 * Math.log(l[i][i]);
                } else {
                    l[i][k] = s / l[k][k];
                }
            }
        }
        return logDet;
    }
}
