package org.gfn4j.estimators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.ConfigFactory;
import java.util.Map;
import org.gfn4j.api.InvalidConfigException;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.estimator.EstimatorFactory;
import org.gfn4j.api.estimator.GradientEstimator;
import org.gfn4j.api.estimator.GradientOracle;
import org.gfn4j.api.objective.NonFiniteValueException;
import org.gfn4j.api.objective.ScoreFunctionTerms;
import org.junit.jupiter.api.Test;

/** The estimators' formulas on hand-made batches, their limits and their configuration. */
class ControlVariateEstimatorTest {
    final TabularGridProblem problem = new TabularGridProblem();
    final TabularGridProblem.Evaluation evaluation = problem.evaluate(TabularGridProblem.randomTheta(7));
    final Map<String, GradientEstimator> estimators = EstimatorsByName.all();

    /** Five distinct trajectories, N odd: halves [0, 2) and [2, 5). */
    final SampledBatch batch = new SampledBatch(problem, evaluation, new int[] {0, 3, 7, 12, 18});
    final ScoreFunctionTerms terms =
            new ScoreFunctionTerms(new double[] {0.5, -1.0, 2.0, 0.25, 1.5}, new double[] {0.3, 0.1, -0.2, 0.7, 0.4}, 2.0, 0);

    /** â over a subset, from its definition, with vectors the test computes itself. */
    private double scoreCoefficientByDefinition(int from, int to) {
        double[] ones = new double[terms.size()];
        double[] fPrime = new double[terms.size()];
        for (int i = from; i < to; i++) {
            ones[i] = 1;
            fPrime[i] = terms.fPrime()[i];
        }
        double[] g = batch.combine(ones);
        return Vectors.dot(g, batch.combine(fPrime)) / (1e-8 + Vectors.dot(g, g));
    }

    private double[] coefficientsByDefinition(boolean leaveOneOut, double[] a) {
        int n = terms.size();
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            double baseline = 0;
            if (leaveOneOut) {
                for (int j = 0; j < n; j++) {
                    baseline += j == i ? 0 : terms.f()[j] / (n - 1);
                }
            }
            c[i] = terms.scale() / n * ((terms.fPrime()[i] - a[i]) + (terms.f()[i] - baseline));
        }
        return c;
    }

    @Test
    void coefficientsFollowTheFormulaForEveryEstimator() {
        double whole = scoreCoefficientByDefinition(0, 5);
        double first = scoreCoefficientByDefinition(0, 2);
        double second = scoreCoefficientByDefinition(2, 5);
        assertThat(new double[] {whole, first, second}).doesNotContain(0.0);
        Map<String, double[]> expected = Map.of(
                "reinforce", coefficientsByDefinition(false, new double[5]),
                "loo", coefficientsByDefinition(true, new double[5]),
                "score", coefficientsByDefinition(false, new double[] {whole, whole, whole, whole, whole}),
                "loo-score", coefficientsByDefinition(true, new double[] {whole, whole, whole, whole, whole}),
                // â of the second half goes to the first half and vice versa.
                "loo-score-split", coefficientsByDefinition(true, new double[] {second, second, first, first, first}));
        Map<String, Integer> calls = Map.of("reinforce", 0, "loo", 0, "score", 2, "loo-score", 2, "loo-score-split", 4);
        for (Map.Entry<String, double[]> e : expected.entrySet()) {
            SampledBatch fresh = new SampledBatch(problem, evaluation, new int[] {0, 3, 7, 12, 18});
            double[] c = estimators.get(e.getKey()).coefficients(terms, fresh);
            assertThat(c).as(e.getKey()).containsExactly(e.getValue(), within(1e-14));
            assertThat(fresh.calls()).as("backward passes of %s", e.getKey()).isEqualTo(calls.get(e.getKey()));
        }
    }

    @Test
    void constantAndZeroFirstTermsNeedFewerBackwardPassesAndGiveTheSameCoefficient() {
        double[] constant = {0.7, 0.7, 0.7, 0.7, 0.7};
        double[] ones = {1, 1, 1, 1, 1};
        double[] g = batch.combine(ones);
        double byDefinition = Vectors.dot(g, batch.combine(constant)) / (1e-8 + Vectors.dot(g, g));
        SampledBatch counting = new SampledBatch(problem, evaluation, new int[] {0, 3, 7, 12, 18});
        assertThat(ScoreControlVariate.coefficient(constant, 0, 5, counting, 1e-8)).isCloseTo(byDefinition, within(1e-14));
        assertThat(counting.calls()).isEqualTo(1);
        assertThat(ScoreControlVariate.coefficient(new double[5], 0, 5, counting, 1e-8)).isZero();
        assertThat(counting.calls()).isEqualTo(1);
    }

    /** Case C7: leave-one-out and the split need two trajectories; every estimator refuses an empty batch. */
    @Test
    void degenerateBatchesAreRefusedClearly() {
        ScoreFunctionTerms one = new ScoreFunctionTerms(new double[] {1.0}, new double[] {0.5}, 1.0, 0);
        SampledBatch single = new SampledBatch(problem, evaluation, new int[] {4});
        for (String name : new String[] {"loo", "loo-score", "loo-score-split"}) {
            assertThat(estimators.get(name).minimumBatchSize()).isEqualTo(2);
            assertThatThrownBy(() -> estimators.get(name).coefficients(one, single))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(name).hasMessageContaining("at least 2").hasMessageContaining("got 1");
        }
        ScoreFunctionTerms none = new ScoreFunctionTerms(new double[0], new double[0], 1.0, 0);
        SampledBatch empty = new SampledBatch(problem, evaluation, new int[0]);
        for (Map.Entry<String, GradientEstimator> e : estimators.entrySet()) {
            assertThatThrownBy(() -> e.getValue().coefficients(none, empty))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty batch");
        }
    }

    /** With one trajectory the same-batch â is f'_1 ‖∇s‖²/(ε + ‖∇s‖²): the first term cancels. */
    @Test
    void singleTrajectoryIsAllowedWithoutLeaveOneOut() {
        ScoreFunctionTerms one = new ScoreFunctionTerms(new double[] {1.0}, new double[] {0.5}, 1.0, 0);
        assertThat(estimators.get("reinforce").coefficients(one, new SampledBatch(problem, evaluation, new int[] {4})))
                .containsExactly(1.5);
        assertThat(estimators.get("score").coefficients(one, new SampledBatch(problem, evaluation, new int[] {4})))
                .containsExactly(new double[] {1.0}, within(1e-7));
    }

    /** Case C6: a non-finite gradient from the oracle is reported, not turned into a NaN coefficient. */
    @Test
    void nonFiniteOracleGradientIsNamed() {
        GradientOracle broken = c -> new double[] {1.0, Double.NaN};
        assertThatThrownBy(() -> estimators.get("loo-score").coefficients(terms, broken))
                .isInstanceOf(NonFiniteValueException.class).hasMessageContaining("gradient oracle")
                .hasMessageContaining("parameter 1");
    }

    /** Case C6: coefficients stay finite for score-function terms of any finite size. */
    @Test
    void extremeButFiniteTermsGiveFiniteCoefficients() {
        ScoreFunctionTerms huge = new ScoreFunctionTerms(new double[] {1e300, -1e300, 0, 1e-300, 5},
                new double[] {1e300, 0, -1e300, 0, 1}, 1e-10, 0);
        for (Map.Entry<String, GradientEstimator> e : estimators.entrySet()) {
            double[] c = e.getValue().coefficients(huge, new SampledBatch(problem, evaluation, new int[] {0, 3, 7, 12, 18}));
            for (double v : c) {
                assertThat(Double.isFinite(v)).as(e.getKey()).isTrue();
            }
        }
    }

    /** Case C6 end to end: log-rewards spanning 2000 nats, every divergence with every estimator, finite coefficients. */
    @Test
    void logRewardsSpanningTwoThousandNatsGiveFiniteCoefficientsForEveryPair() {
        org.gfn4j.api.objective.TrajectoryBatch extreme = org.gfn4j.api.objective.TrajectoryBatch.ofTotals(
                new double[] {-3.0, -10.0, -1.0, -50.0, -2.0},
                new double[] {-1.0, -2.0, 0.0, -5.0, -0.7},
                new double[] {-1000.0, 0.0, 1000.0, -1000.0, 500.0});
        for (DivergenceUnderTest d : ExactGradientTest.divergences()) {
            ScoreFunctionTerms extremeTerms = d.objective().terms(extreme);
            for (Map.Entry<String, GradientEstimator> e : estimators.entrySet()) {
                double[] c = e.getValue().coefficients(extremeTerms,
                        new SampledBatch(problem, evaluation, new int[] {0, 3, 7, 12, 18}));
                for (double v : c) {
                    assertThat(Double.isFinite(v)).as("%s with %s", d, e.getKey()).isTrue();
                }
            }
        }
    }

    @Test
    void epsilonIsConfigurableOnlyWhereThereIsAScoreControlVariate() {
        for (EstimatorFactory factory : EstimatorsByName.factories()) {
            boolean hasScore = !factory.name().equals("reinforce") && !factory.name().equals("loo");
            assertThat(factory.defaults().hasPath("epsilon")).as(factory.name()).isEqualTo(hasScore);
            if (hasScore) {
                assertThat(factory.defaults().getDouble("epsilon")).isEqualTo(1e-8);
                assertThat(factory.defaults().root().get("epsilon").origin().comments()).isNotEmpty();
                ConfigSection zero = ConfigSection.of("estimator", ConfigFactory.parseString("epsilon = 0"), factory.defaults());
                assertThatThrownBy(() -> factory.create(zero)).isInstanceOf(InvalidConfigException.class)
                        .hasMessageContaining("estimator.epsilon");
                ConfigSection custom = ConfigSection.of("estimator", ConfigFactory.parseString("epsilon = 1e-4"), factory.defaults());
                assertThat(((ControlVariateEstimator) factory.create(custom)).epsilon()).isEqualTo(1e-4);
            } else {
                assertThatThrownBy(() -> ConfigSection.of("estimator", ConfigFactory.parseString("epsilon = 1e-4"),
                        factory.defaults())).isInstanceOf(InvalidConfigException.class);
            }
        }
    }
}
