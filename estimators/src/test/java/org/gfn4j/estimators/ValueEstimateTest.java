package org.gfn4j.estimators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The divergences' value estimates (for logging) are consistent: on one large on-policy batch
 * they approach the exact divergence. They are biased for small N (each is a ratio or a log of a
 * mean), so only a large batch is checked.
 */
class ValueEstimateTest {
    static final int BATCH_SIZE = 100_000;
    static final double[] THETA = TabularGridProblem.randomTheta(7);
    static final TabularGridProblem PROBLEM = new TabularGridProblem();

    static java.util.List<DivergenceUnderTest> divergences() {
        return ExactGradientTest.divergences();
    }

    /**
     * Tolerance 2% of the value: the measured errors at N = 1e5 are at most 0.5% (Tsallis α = 2,
     * whose g = exp(λ) is the most heavy-tailed here), 0.15% for the others.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("divergences")
    void valueEstimateOfALargeBatchIsCloseToTheExactDivergence(DivergenceUnderTest d) {
        TabularGridProblem.Evaluation evaluation = PROBLEM.evaluate(THETA);
        int[] indices = new TabularGridProblem.Sampler(evaluation, 99L).batch(BATCH_SIZE);
        double estimate = d.objective().terms(new SampledBatch(PROBLEM, evaluation, indices).trajectories()).valueEstimate();
        double exact = d.value(PROBLEM, THETA);
        System.out.printf("%-18s value estimate %.5f, exact %.5f%n", d, estimate, exact);
        assertThat(estimate).isCloseTo(exact, within(0.02 * Math.abs(exact)));
    }
}
