package org.gfn4j.estimators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.gfn4j.api.estimator.GradientEstimator;
import org.gfn4j.api.objective.ScoreFunctionTerms;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Unbiasedness without sampling noise: with 19 trajectories, every ordered batch of N = 2 (361) and
 * N = 3 (6,859) can be enumerated with its probability Π_i P_F(τ_i), so the expectation of an
 * estimator is a finite sum. N = 3 also exercises the odd split (halves of 1 and 2).
 *
 * <p>Each batch's estimate is multiplied by κ, the factor that undoes the divergence's documented
 * per-batch normalisation; the result must equal K ∇D (see {@link DivergenceUnderTest}) to rounding
 * for reinforce, loo and loo-score-split.
 *
 * <p>The same-batch score estimators are biased, most at small N: â from a batch of one cancels the
 * first term exactly, leaving E[f ∇s], which for the α-divergences is (1/α) × the gradient. So at
 * N = 2, 3 their expectation is rescaled by about 1/α (measured 1.75 and 1.58 for α = 0.5; 0.64 and
 * 0.76 for α = 2) — and for α &lt; 0 it points <em>uphill</em> (measured cosine −0.97 and −0.83 at
 * α = −1). The test pins both facts down; they are why {@code loo-score-split} exists.
 */
class ExactEstimatorExpectationTest {
    static final double[] THETA = TabularGridProblem.randomTheta(7);
    static final TabularGridProblem PROBLEM = new TabularGridProblem();

    static List<Arguments> cases() {
        List<Arguments> cases = new java.util.ArrayList<>();
        for (DivergenceUnderTest divergence : ExactGradientTest.divergences()) {
            for (int n : new int[] {2, 3}) {
                cases.add(Arguments.of(divergence, n));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}, N = {1}")
    @MethodSource("cases")
    void unbiasedEstimatorsAreExactlyUnbiased(DivergenceUnderTest divergence, int n) {
        TabularGridProblem.Evaluation evaluation = PROBLEM.evaluate(THETA);
        Map<String, GradientEstimator> estimators = EstimatorsByName.all();
        Map<String, double[]> expectations = new java.util.LinkedHashMap<>();
        estimators.keySet().forEach(name -> expectations.put(name, new double[TabularGridProblem.PARAMETERS]));
        int trajectories = PROBLEM.size();
        int batches = (int) Math.pow(trajectories, n);
        for (int code = 0; code < batches; code++) {
            int[] indices = new int[n];
            double probability = 1;
            for (int i = 0, rest = code; i < n; i++, rest /= trajectories) {
                indices[i] = rest % trajectories;
                probability *= Math.exp(evaluation.logForward()[indices[i]]);
            }
            SampledBatch batch = new SampledBatch(PROBLEM, evaluation, indices);
            ScoreFunctionTerms terms = divergence.objective().terms(batch.trajectories());
            double weight = probability * divergence.batchCorrection(batch.logRatios());
            for (Map.Entry<String, GradientEstimator> e : estimators.entrySet()) {
                double[] g = batch.combine(e.getValue().coefficients(terms, batch));
                double[] sum = expectations.get(e.getKey());
                for (int k = 0; k < g.length; k++) {
                    sum[k] += weight * g[k];
                }
            }
        }
        double[] exact = Vectors.scaled(divergence.gradient(PROBLEM, THETA), divergence.correctedScale(PROBLEM, THETA));
        for (String name : EstimatorsByName.UNBIASED) {
            assertThat(Vectors.relativeError(expectations.get(name), exact))
                    .as("%s with %s, N = %d", divergence, name, n).isLessThan(1e-10);
        }
        for (String name : EstimatorsByName.SAME_BATCH_SCORE) {
            double[] mean = expectations.get(name);
            double cosine = Vectors.cosine(mean, exact);
            System.out.printf("exact E[%s] for %s, N = %d: cosine %.5f, |E|/|exact| %.4f, relative error %.4f%n",
                    name, divergence, n, cosine, Vectors.norm(mean) / Vectors.norm(exact),
                    Vectors.relativeError(mean, exact));
            if (divergence.orientation() < 0) {
                assertThat(cosine).as("%s with %s, N = %d: known to point uphill", divergence, name, n).isNegative();
            } else {
                assertThat(cosine).as("%s with %s, N = %d", divergence, name, n).isGreaterThan(0.99);
            }
        }
    }
}
