package org.gfn4j.estimators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gfn4j.api.estimator.GradientEstimator;
import org.gfn4j.api.objective.ScoreFunctionTerms;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The per-batch normalisations (MATH.md: forward KL's and Tsallis's max-shift change each batch's
 * gradient scale) must not stop training: Adam on the tabular policy of the toy grid, from uniform
 * logits, with each divergence and the paper's estimator (and the split one), reaches the target
 * distribution. L1 = Σ_x |p_T(x) − π(x)| (= 2·TV), exact by enumeration.
 */
class TrainingReachesTargetTest {
    static final int ITERATIONS = 1500;
    static final int BATCH_SIZE = 16;
    static final double LEARNING_RATE = 0.05;

    static List<Arguments> cases() {
        List<Arguments> cases = new java.util.ArrayList<>();
        for (DivergenceUnderTest d : ExactGradientTest.divergences()) {
            cases.add(Arguments.of(d, "loo-score"));
            cases.add(Arguments.of(d, "loo-score-split"));
        }
        return cases;
    }

    static double l1ToTarget(TabularGridProblem problem, double[] theta) {
        TabularGridProblem.Evaluation e = problem.evaluate(theta);
        double[] terminal = new double[TabularGridProblem.STATES];
        for (int t = 0; t < problem.size(); t++) {
            terminal[problem.trajectories().get(t).terminal()] += Math.exp(e.logForward()[t]);
        }
        double l1 = 0;
        for (int x = 0; x < TabularGridProblem.STATES; x++) {
            l1 += Math.abs(terminal[x] - Math.exp(TabularGridProblem.logReward(x) - problem.logPartition()));
        }
        return l1;
    }

    /**
     * Bound 0.05, from 1.17 at uniform logits; measured ≤ 0.008 after 1,500 iterations. (With the
     * α-divergences minimised as MATH.md writes them for α &lt; 0, i.e. without the sign(α)
     * orientation, the α = −1 runs end at L1 ≈ 1.92–1.96: they move away from the target.)
     */
    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("cases")
    void adamWithTheEstimatorReachesTheTarget(DivergenceUnderTest d, String estimatorName) {
        TabularGridProblem problem = new TabularGridProblem();
        GradientEstimator estimator = EstimatorsByName.all().get(estimatorName);
        double[] theta = new double[TabularGridProblem.PARAMETERS];
        double[] m = new double[theta.length];
        double[] v = new double[theta.length];
        double initial = l1ToTarget(problem, theta);
        java.util.SplittableRandom seeds = new java.util.SplittableRandom(5);
        for (int step = 1; step <= ITERATIONS; step++) {
            TabularGridProblem.Evaluation e = problem.evaluate(theta);
            int[] indices = new TabularGridProblem.Sampler(e, seeds.nextLong()).batch(BATCH_SIZE);
            SampledBatch batch = new SampledBatch(problem, e, indices);
            ScoreFunctionTerms terms = d.objective().terms(batch.trajectories());
            double[] g = batch.combine(estimator.coefficients(terms, batch));
            for (int k = 0; k < theta.length; k++) {
                m[k] = 0.9 * m[k] + 0.1 * g[k];
                v[k] = 0.999 * v[k] + 0.001 * g[k] * g[k];
                double mHat = m[k] / (1 - Math.pow(0.9, step));
                double vHat = v[k] / (1 - Math.pow(0.999, step));
                theta[k] -= LEARNING_RATE * mHat / (Math.sqrt(vHat) + 1e-8);
            }
        }
        double l1 = l1ToTarget(problem, theta);
        System.out.printf("%-18s %-16s L1 (= 2 TV) %.3f -> %.4f after %d iterations%n", d, estimatorName, initial, l1,
                ITERATIONS);
        assertThat(l1).isLessThan(0.05);
    }
}
