package org.gfn4j.estimators;

/** Whether and how an estimator applies the {@link ScoreControlVariate} to the first term. */
public enum ScoreControlVariateMode {
    /** No control variate on the first term: â = 0. */
    NONE,
    /**
     * â estimated from the whole batch and applied to the same batch (the paper's estimate).
     * â is correlated with the Σ ∇s_i it multiplies, so this is biased, most for small batches: with
     * N = 1 it cancels the first term exactly, leaving E[f ∇s] = (1/α) × the α-divergence gradient.
     * Measured on a toy problem at N = 16: the expected gradient is rescaled (×1.30 for α = 0.5,
     * ×0.83 for α = 2; cosine ≥ 0.998); for α &lt; 0 the direction suffers too (cosine 0.95 at
     * α = −1, and <em>negative</em> at N ≤ 3). Unbiased for reverse KL in effect (â = 1 − O(ε)) and
     * exactly for forward KL (f' ≡ 0, â = 0).
     */
    SAME_BATCH,
    /**
     * The batch cut into two halves, A = trajectories [0, ⌊N/2⌋) and B = [⌊N/2⌋, N) (with N odd, B
     * holds the extra one); â from A is applied to B's first term and â from B to A's. Each â is
     * independent of the trajectories it multiplies (the trajectories of a batch are drawn
     * independently), so the estimate is unbiased. Beyond the paper.
     */
    CROSS_HALVES
}
