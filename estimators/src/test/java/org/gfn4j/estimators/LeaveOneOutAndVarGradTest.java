package org.gfn4j.estimators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.gfn4j.api.objective.LossGradient;
import org.gfn4j.api.objective.ScoreFunctionTerms;
import org.gfn4j.divergences.balance.VarGrad;
import org.gfn4j.divergences.kl.ReverseKlDivergence;
import org.junit.jupiter.api.Test;

/**
 * MATH.md's relation between reverse KL and VarGrad: the leave-one-out second term
 * (1/N) Σ (λ_i − baseline_i) ∇s_i equals N/(2(N − 1)) × the gradient of VarGrad's loss
 * (1/N) Σ (λ_i − mean λ)², batch by batch; and with the score control variate (â ≈ 1 for reverse
 * KL) the whole loo-score estimate points where VarGrad points.
 */
class LeaveOneOutAndVarGradTest {
    final TabularGridProblem problem = new TabularGridProblem();
    final TabularGridProblem.Evaluation evaluation = problem.evaluate(TabularGridProblem.randomTheta(7));

    @Test
    void leaveOneOutSecondTermIsScaledVarGradGradientOnEveryBatch() {
        TabularGridProblem.Sampler sampler = new TabularGridProblem.Sampler(evaluation, 11L);
        ControlVariateEstimator secondTermOnly =
                new ControlVariateEstimator("loo", true, ScoreControlVariateMode.NONE, 1e-8);
        for (int n : new int[] {2, 3, 8, 64}) {
            for (int repeat = 0; repeat < 50; repeat++) {
                SampledBatch batch = new SampledBatch(problem, evaluation, sampler.batch(n));
                ScoreFunctionTerms reverseKl = new ReverseKlDivergence().terms(batch.trajectories());
                // The second term alone: the same terms with f' set to zero.
                ScoreFunctionTerms withoutFirstTerm =
                        new ScoreFunctionTerms(reverseKl.f(), new double[n], reverseKl.scale(), 0.0);
                double[] c = secondTermOnly.coefficients(withoutFirstTerm, batch);
                LossGradient varGrad = new VarGrad().lossAndGradient(batch.trajectories(), 0.0);
                double factor = n / (2.0 * (n - 1));
                for (int i = 0; i < n; i++) {
                    assertThat(c[i]).as("N = %d, trajectory %d", n, i)
                            .isCloseTo(factor * varGrad.dLogPF()[i], within(1e-12));
                }
            }
        }
    }

    /**
     * â = ‖G‖²/(ε + ‖G‖²) for f' ≡ 1, so 1 − â = ε/(ε + ‖G‖²): below 1e-6 whenever the batch's score
     * sum is not tiny. Then loo-score's coefficients differ from N/(2(N − 1)) × VarGrad's by
     * (1 − â)/N only.
     */
    @Test
    void scoreControlVariateIsOneForReverseKlAndLeavesVarGrad() {
        TabularGridProblem.Sampler sampler = new TabularGridProblem.Sampler(evaluation, 12L);
        ControlVariateEstimator looScore = new ControlVariateEstimator("loo-score", true,
                ScoreControlVariateMode.SAME_BATCH, ControlVariateEstimator.DEFAULT_EPSILON);
        double smallestA = 1;
        int n = 16;
        for (int repeat = 0; repeat < 200; repeat++) {
            SampledBatch batch = new SampledBatch(problem, evaluation, sampler.batch(n));
            ScoreFunctionTerms terms = new ReverseKlDivergence().terms(batch.trajectories());
            double a = ScoreControlVariate.coefficient(terms.fPrime(), 0, n, batch, ControlVariateEstimator.DEFAULT_EPSILON);
            double[] scoreSum = batch.combine(ones(n));
            double normSquared = Vectors.dot(scoreSum, scoreSum);
            if (normSquared > 0.01) {
                assertThat(a).isCloseTo(1.0, within(1e-6));
            }
            assertThat(a).isBetween(0.0, 1.0);
            smallestA = Math.min(smallestA, a);
            double[] c = looScore.coefficients(terms, batch);
            double[] varGrad = new VarGrad().lossAndGradient(batch.trajectories(), 0.0).dLogPF();
            for (int i = 0; i < n; i++) {
                assertThat(c[i]).isCloseTo(n / (2.0 * (n - 1)) * varGrad[i] + (1 - a) / n, within(1e-12));
            }
        }
        System.out.printf("reverse KL, N = 16: smallest â over 200 batches %.12f%n", smallestA);
    }

    private static double[] ones(int n) {
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1.0);
        return ones;
    }
}
