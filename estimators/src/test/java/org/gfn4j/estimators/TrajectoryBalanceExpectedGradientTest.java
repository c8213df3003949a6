package org.gfn4j.estimators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.gfn4j.api.objective.LossGradient;
import org.gfn4j.divergences.balance.TrajectoryBalance;
import org.junit.jupiter.api.Test;

/**
 * What is exactly true of MATH.md's Proposition 1, ∇_θ E[L_TB] = 2 ∇_θ KL(P_F ‖ P_B) on-policy.
 *
 * <p>Training with TB back-propagates only through the loss, with the trajectories held fixed: its
 * expected update is E_{τ~P_F}[∂L/∂s ∇s] = E[2(log Z + λ) ∇s] = 2E[λ ∇s] + 2 log Z E[∇s], and
 * E[∇s] = 0, so it equals 2∇KL = 2E[λ ∇s] for <em>every</em> fixed log Z, not only the optimal one.
 *
 * <p>The gradient of the expected loss θ ↦ E_{τ~P_F(θ)}[L_TB(τ; θ)] itself also has the REINFORCE
 * term E[L_TB ∇s], which TB training leaves out, and which is not zero: so the identity is about
 * the expected <em>update</em>, with the sampling distribution held fixed.
 */
class TrajectoryBalanceExpectedGradientTest {
    static final double[] THETA = TabularGridProblem.randomTheta(7);
    final TabularGridProblem problem = new TabularGridProblem();

    /** E_{τ~P_F}[∂L_TB/∂s(τ) ∇s(τ)] by enumeration, from TrajectoryBalance's own gradient. */
    private double[] expectedTbUpdate(double[] theta, double logZ) {
        TabularGridProblem.Evaluation e = problem.evaluate(theta);
        double[] update = new double[TabularGridProblem.PARAMETERS];
        for (int t = 0; t < problem.size(); t++) {
            SampledBatch single = new SampledBatch(problem, e, new int[] {t});
            LossGradient g = new TrajectoryBalance().lossAndGradient(single.trajectories(), logZ);
            double[] contribution = single.combine(g.dLogPF());
            double p = Math.exp(e.logForward()[t]);
            for (int k = 0; k < update.length; k++) {
                update[k] += p * contribution[k];
            }
        }
        return update;
    }

    /** θ ↦ E_{τ~P_F(θ)}[L_TB(τ; θ, log Z)] exactly. */
    private double expectedTbLoss(double[] theta, double logZ) {
        TabularGridProblem.Evaluation e = problem.evaluate(theta);
        double loss = 0;
        for (int t = 0; t < problem.size(); t++) {
            SampledBatch single = new SampledBatch(problem, e, new int[] {t});
            loss += Math.exp(e.logForward()[t]) * new TrajectoryBalance().lossAndGradient(single.trajectories(), logZ).loss();
        }
        return loss;
    }

    @Test
    void expectedTbUpdateIsTwiceTheReverseKlGradientForAnyLogPartition() {
        double[] twiceKl = Vectors.scaled(DivergenceUnderTest.reverseKl().gradient(problem, THETA), 2.0);
        for (double logZ : new double[] {-3.0, 0.0, problem.logPartition(), 2.5}) {
            double[] update = expectedTbUpdate(THETA, logZ);
            assertThat(Vectors.relativeError(update, twiceKl)).as("log Z = %s", logZ).isLessThan(1e-12);
        }
    }

    @Test
    void gradientOfTheExpectedLossAlsoHasTheReinforceTermThatTbOmits() {
        double logZ = problem.logPartition();
        TabularGridProblem.Evaluation e = problem.evaluate(THETA);
        double[] reinforceTerm = new double[TabularGridProblem.PARAMETERS];
        for (int t = 0; t < problem.size(); t++) {
            double delta = logZ + e.logForward()[t] - problem.trajectories().get(t).logTarget();
            for (int k = 0; k < reinforceTerm.length; k++) {
                reinforceTerm[k] += Math.exp(e.logForward()[t]) * delta * delta * e.score()[t][k];
            }
        }
        double[] predicted = expectedTbUpdate(THETA, logZ);
        for (int k = 0; k < predicted.length; k++) {
            predicted[k] += reinforceTerm[k];
        }
        double h = 1e-5;
        double[] numeric = new double[TabularGridProblem.PARAMETERS];
        for (int k = 0; k < numeric.length; k++) {
            double[] plus = THETA.clone();
            double[] minus = THETA.clone();
            plus[k] += h;
            minus[k] -= h;
            numeric[k] = (expectedTbLoss(plus, logZ) - expectedTbLoss(minus, logZ)) / (2 * h);
            assertThat(numeric[k]).as("parameter %d", k).isCloseTo(predicted[k], within(1e-7));
        }
        double[] twiceKl = Vectors.scaled(DivergenceUnderTest.reverseKl().gradient(problem, THETA), 2.0);
        assertThat(Vectors.relativeError(numeric, twiceKl)).as("∇E[L_TB] is not 2∇KL").isGreaterThan(0.1);
    }
}
