package org.gfn4j.estimators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gfn4j.api.estimator.GradientEstimator;
import org.gfn4j.api.objective.ScoreFunctionTerms;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The ground truth the estimator tests compare with: the toy problem is what it claims to be, the
 * closed-form gradients agree with finite differences of the exact divergences, and the divergences'
 * score-function terms reproduce the exact gradient when their expectation is taken exactly.
 */
class ExactGradientTest {
    static final double[] THETA = TabularGridProblem.randomTheta(7);
    final TabularGridProblem problem = new TabularGridProblem();

    static List<DivergenceUnderTest> divergences() {
        return List.of(DivergenceUnderTest.reverseKl(), DivergenceUnderTest.forwardKl(),
                DivergenceUnderTest.renyi(0.5), DivergenceUnderTest.renyi(2.0), DivergenceUnderTest.renyi(-1.0),
                DivergenceUnderTest.tsallis(0.5), DivergenceUnderTest.tsallis(2.0), DivergenceUnderTest.tsallis(-1.0));
    }

    @Test
    void problemEnumeratesEveryTrajectoryWithNormalisedPolicies() {
        assertThat(problem.size()).isEqualTo(19);
        TabularGridProblem.Evaluation e = problem.evaluate(THETA);
        double forwardMass = 0;
        Map<Integer, Double> backwardMassByTerminal = new HashMap<>();
        for (int t = 0; t < problem.size(); t++) {
            forwardMass += Math.exp(e.logForward()[t]);
            TabularGridProblem.Trajectory trajectory = problem.trajectories().get(t);
            backwardMassByTerminal.merge(trajectory.terminal(), Math.exp(trajectory.logBackward()), Double::sum);
        }
        assertThat(forwardMass).isCloseTo(1.0, within(1e-12));
        assertThat(backwardMassByTerminal).hasSize(TabularGridProblem.STATES);
        backwardMassByTerminal.values().forEach(mass -> assertThat(mass).isCloseTo(1.0, within(1e-12)));
        // (1,1) has two parents, so each of its two trajectories has p_B = 1/2.
        assertThat(problem.trajectories().stream()
                .filter(t -> t.terminal() == TabularGridProblem.state(1, 1))
                .map(TabularGridProblem.Trajectory::logBackward)).containsOnly(-Math.log(2));
    }

    @Test
    void divergencesArePositiveAwayFromTheTarget() {
        for (DivergenceUnderTest d : divergences()) {
            assertThat(d.value(problem, THETA)).as(d.toString()).isGreaterThan(0.01);
        }
    }

    /** Central differences with h = 1e-5 have error O(h²) ≈ 1e-10 here; 1e-7 leaves room for rounding. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("divergences")
    void closedFormGradientMatchesFiniteDifferences(DivergenceUnderTest divergence) {
        double[] analytic = divergence.gradient(problem, THETA);
        double h = 1e-5;
        for (int k = 0; k < TabularGridProblem.PARAMETERS; k++) {
            double[] plus = THETA.clone();
            double[] minus = THETA.clone();
            plus[k] += h;
            minus[k] -= h;
            double numeric = (divergence.value(problem, plus) - divergence.value(problem, minus)) / (2 * h);
            assertThat(analytic[k]).as("%s, parameter %d", divergence, k).isCloseTo(numeric, within(1e-7));
        }
        assertThat(Vectors.norm(analytic)).as("a gradient worth testing").isGreaterThan(0.05);
    }

    /**
     * The divergence's terms on a one-trajectory batch, made into REINFORCE coefficients and
     * un-normalised by κ, averaged exactly over P_F: Σ_τ P_F(τ) κ(τ) c(τ) ∇s(τ) = K ∇D exactly. This
     * checks f, f', the scale and the documented shift of each divergence with no sampling noise.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("divergences")
    void scoreFunctionTermsGiveTheExactGradientInExpectation(DivergenceUnderTest divergence) {
        GradientEstimator reinforce = EstimatorsByName.all().get("reinforce");
        TabularGridProblem.Evaluation e = problem.evaluate(THETA);
        double[] expected = new double[TabularGridProblem.PARAMETERS];
        for (int t = 0; t < problem.size(); t++) {
            SampledBatch batch = new SampledBatch(problem, e, new int[] {t});
            ScoreFunctionTerms terms = divergence.objective().terms(batch.trajectories());
            double[] c = reinforce.coefficients(terms, batch);
            double weight = Math.exp(e.logForward()[t]) * divergence.batchCorrection(batch.logRatios());
            double[] g = batch.combine(c);
            for (int k = 0; k < g.length; k++) {
                expected[k] += weight * g[k];
            }
        }
        double[] exact = Vectors.scaled(divergence.gradient(problem, THETA), divergence.correctedScale(problem, THETA));
        assertThat(Vectors.relativeError(expected, exact)).as(divergence.toString()).isLessThan(1e-12);
    }
}
