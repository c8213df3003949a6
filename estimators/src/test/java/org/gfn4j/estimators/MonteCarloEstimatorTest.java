package org.gfn4j.estimators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gfn4j.api.estimator.GradientEstimator;
import org.gfn4j.api.objective.ScoreFunctionTerms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (divergence, estimator) pair on sampled batches, as the runtime would use them: batches of
 * N = 16 trajectories drawn on-policy from P_F with a fixed seed, the same batches for every
 * estimator, and the mean estimate compared with the exact gradient.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonteCarloEstimatorTest {
    static final int BATCH_SIZE = 16;
    static final int BATCHES = 20_000;
    /**
     * Per-coordinate tolerance in standard errors of the mean. With about 20 informative
     * coordinates per pair and 5 standard errors, a correct estimator fails with probability about
     * 20 · 6e-7 (normal tails; the means of 20,000 batches are close to normal), while the
     * relative-error bound below keeps the test sharp enough to see a bias of a few percent.
     */
    static final double STANDARD_ERRORS = 5.0;

    static final double[] THETA = TabularGridProblem.randomTheta(7);
    static final TabularGridProblem PROBLEM = new TabularGridProblem();

    /** Per divergence and estimator: the running sums of corrected and raw estimates. */
    record Moments(double[] sum, double[] sumOfSquares, double[] rawSum, int[] calls) {
        Moments() {
            this(new double[TabularGridProblem.PARAMETERS], new double[TabularGridProblem.PARAMETERS],
                    new double[TabularGridProblem.PARAMETERS], new int[1]);
        }

        double[] mean() {
            return Vectors.scaled(sum, 1.0 / BATCHES);
        }

        double[] rawMean() {
            return Vectors.scaled(rawSum, 1.0 / BATCHES);
        }

        double standardError(int k) {
            double mean = sum[k] / BATCHES;
            double variance = Math.max(0, sumOfSquares[k] / BATCHES - mean * mean) * BATCHES / (BATCHES - 1);
            return Math.sqrt(variance / BATCHES);
        }
    }

    final Map<DivergenceUnderTest, Map<String, Moments>> moments = new LinkedHashMap<>();

    static List<DivergenceUnderTest> divergences() {
        return ExactGradientTest.divergences();
    }

    @BeforeAll
    void sampleOnce() {
        TabularGridProblem.Evaluation evaluation = PROBLEM.evaluate(THETA);
        Map<String, GradientEstimator> estimators = EstimatorsByName.all();
        for (DivergenceUnderTest d : divergences()) {
            Map<String, Moments> byEstimator = new LinkedHashMap<>();
            estimators.keySet().forEach(name -> byEstimator.put(name, new Moments()));
            moments.put(d, byEstimator);
        }
        TabularGridProblem.Sampler sampler = new TabularGridProblem.Sampler(evaluation, 20240601L);
        for (int b = 0; b < BATCHES; b++) {
            int[] indices = sampler.batch(BATCH_SIZE);
            for (DivergenceUnderTest d : divergences()) {
                SampledBatch batch = new SampledBatch(PROBLEM, evaluation, indices);
                ScoreFunctionTerms terms = d.objective().terms(batch.trajectories());
                double correction = d.batchCorrection(batch.logRatios());
                for (Map.Entry<String, GradientEstimator> e : estimators.entrySet()) {
                    Moments m = moments.get(d).get(e.getKey());
                    int before = batch.calls();
                    double[] raw = batch.combine(e.getValue().coefficients(terms, batch));
                    m.calls()[0] += batch.calls() - before;
                    for (int k = 0; k < raw.length; k++) {
                        double corrected = correction * raw[k];
                        m.sum()[k] += corrected;
                        m.sumOfSquares()[k] += corrected * corrected;
                        m.rawSum()[k] += raw[k];
                    }
                }
            }
        }
    }

    private static double[] target(DivergenceUnderTest d) {
        return Vectors.scaled(d.gradient(PROBLEM, THETA), d.correctedScale(PROBLEM, THETA));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("divergences")
    void unbiasedEstimatorsAgreeWithTheExactGradientWithinTheirStandardError(DivergenceUnderTest d) {
        double[] exact = target(d);
        for (String name : EstimatorsByName.UNBIASED) {
            Moments m = moments.get(d).get(name);
            double[] mean = m.mean();
            double worstZ = 0;
            double sumOfSe = 0;
            for (int k = 0; k < exact.length; k++) {
                double se = m.standardError(k);
                sumOfSe += se;
                double error = Math.abs(mean[k] - exact[k]);
                // Coordinates that never vary (masked actions, the single-action corner) must be exact.
                assertThat(error).as("%s with %s, parameter %d (standard error %.3g)", d, name, k, se)
                        .isLessThanOrEqualTo(STANDARD_ERRORS * se + 1e-12 * (1 + Math.abs(exact[k])));
                if (se > 0) {
                    worstZ = Math.max(worstZ, error / se);
                }
            }
            System.out.printf("%-18s %-16s max |z| %.2f, relative error %.4f, mean standard error %.2e, "
                    + "|exact| %.3f%n", d, name, worstZ, Vectors.relativeError(mean, exact),
                    sumOfSe / exact.length, Vectors.norm(exact));
        }
    }

    /**
     * Directions, for every estimator (unbiased or not):
     * <ul>
     *   <li>the corrected mean (per-batch normalisation undone) against K ∇D: the unbiased estimators
     *       are within sampling noise (measured ≥ 0.9998); the same-batch score estimators carry the
     *       bias of â (measured at N = 16: rescaled by 1.30 for α = 0.5, 0.83 for α = 2, cosine
     *       ≥ 0.998) — except for α &lt; 0, where the bias also turns the direction (cosine 0.954 at
     *       α = −1): we hold that to 0.95 and document it rather than hide it;</li>
     *   <li>the raw mean, as training sees it, against ∇D: every per-batch normalisation (Rényi's
     *       1/mean g, the max-shift of forward KL and Tsallis) reweights batches and so tilts the mean
     *       direction a little (measured: forward KL 0.986, α = 0.5 ≥ 0.989, α = 2 ≥ 0.9997), and
     *       more for heavy-tailed g (α = −1: 0.92–0.95). Bounds: 0.98 for α &gt; 0 and KL, 0.9 for α &lt; 0.</li>
     * </ul>
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("divergences")
    void everyEstimatorPointsAlongTheExactGradient(DivergenceUnderTest d) {
        double[] exact = d.gradient(PROBLEM, THETA);
        double[] corrected = target(d);
        boolean negativeOrder = d.orientation() < 0;
        for (Map.Entry<String, Moments> e : moments.get(d).entrySet()) {
            String name = e.getKey();
            double correctedCosine = Vectors.cosine(e.getValue().mean(), corrected);
            double rawCosine = Vectors.cosine(e.getValue().rawMean(), exact);
            System.out.printf("%-18s %-16s cosine corrected %.5f, raw %.5f; |E corrected|/|K grad D| %.4f%n",
                    d, name, correctedCosine, rawCosine, Vectors.norm(e.getValue().mean()) / Vectors.norm(corrected));
            double correctedBound = EstimatorsByName.UNBIASED.contains(name) ? 0.9995 : negativeOrder ? 0.95 : 0.99;
            assertThat(correctedCosine).as("%s with %s, corrected", d, name).isGreaterThan(correctedBound);
            assertThat(rawCosine).as("%s with %s, raw", d, name).isGreaterThan(negativeOrder ? 0.9 : 0.98);
        }
    }

    /** Reverse KL is not normalised per batch: its raw mean must agree within noise, like the corrected one. */
    @Test
    void reverseKlRawEstimatesAreTheCorrectedOnes() {
        Moments m = moments.get(DivergenceUnderTest.reverseKl()).get("loo-score-split");
        assertThat(m.rawMean()).containsExactly(m.mean(), org.assertj.core.api.Assertions.within(1e-15));
    }

    /**
     * Backward passes per batch: none without the score control variate; for it two (same batch) or
     * four (split), fewer where f' is constant over the set: one when f' ≡ k (reverse KL, or a half
     * whose trajectories all coincide), none when f' ≡ 0 (forward KL).
     */
    @Test
    void oracleIsCalledOnlyAsOftenAsEachEstimatorNeeds() {
        for (DivergenceUnderTest d : divergences()) {
            Map<String, Moments> byName = moments.get(d);
            assertThat(byName.get("reinforce").calls()[0]).isZero();
            assertThat(byName.get("loo").calls()[0]).isZero();
            double score = byName.get("score").calls()[0] / (double) BATCHES;
            double looScore = byName.get("loo-score").calls()[0] / (double) BATCHES;
            double split = byName.get("loo-score-split").calls()[0] / (double) BATCHES;
            System.out.printf("%-18s backward passes per batch: score %.2f, loo-score %.2f, loo-score-split %.2f%n",
                    d, score, looScore, split);
            switch (d.kind()) {
                case REVERSE_KL -> assertThat(new double[] {score, looScore, split}).containsExactly(1, 1, 2);
                case FORWARD_KL -> assertThat(new double[] {score, looScore, split}).containsExactly(0, 0, 0);
                default -> {
                    // Just under 2: now and then all 16 trajectories of a batch are the same one.
                    assertThat(score).isBetween(1.99, 2.0);
                    assertThat(looScore).isBetween(1.99, 2.0);
                    assertThat(split).isBetween(3.5, 4.0);
                }
            }
        }
    }
}
