package org.gfn4j.divergences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.gfn4j.api.objective.BalanceObjective;
import org.gfn4j.api.objective.LossGradient;
import org.gfn4j.api.objective.NonFiniteValueException;
import org.gfn4j.api.objective.ObjectiveFactory;
import org.gfn4j.api.objective.ScoreFunctionObjective;
import org.gfn4j.api.objective.ScoreFunctionTerms;
import org.gfn4j.api.objective.TrajectoryBatch;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.objective.Objective;
import org.junit.jupiter.api.Test;

/** Shift invariance, extreme inputs (case C6), non-finite inputs (C6) and empty batches (C7). */
class NumericsTest {

    private static TrajectoryBatch withLogRewardsShifted(TrajectoryBatch b, double shift) {
        double[] logReward = b.logReward().clone();
        for (int i = 0; i < logReward.length; i++) {
            logReward[i] += shift;
        }
        return TrajectoryBatch.ofTotals(b.logPF(), b.logPB(), logReward);
    }

    /**
     * Multiplying every reward by e^c changes Z but not the target π: f, f' (after the shift), the
     * Rényi coefficients and every value estimate stay the same. Reverse KL's f = λ moves by −c,
     * which the leave-one-out differences do not see.
     */
    @Test
    void addingAConstantToEveryLogRewardChangesNothingThatMatters() {
        TrajectoryBatch batch = ObjectivesForTest.threeTrajectories();
        for (double c : new double[] {-700, 3.5, 900}) {
            TrajectoryBatch shifted = withLogRewardsShifted(batch, c);
            for (ScoreFunctionObjective d : ObjectivesForTest.divergences()) {
                ScoreFunctionTerms before = d.terms(batch);
                ScoreFunctionTerms after = d.terms(shifted);
                assertThat(after.valueEstimate()).as("%s, shift %s", d, c)
                        .isCloseTo(before.valueEstimate(), within(1e-9 * (1 + Math.abs(c))));
                if (d.toString().equals("reverse-kl")) {
                    for (int i = 0; i < 3; i++) {
                        assertThat(after.f()[i]).isCloseTo(before.f()[i] - c, within(1e-9 * (1 + Math.abs(c))));
                    }
                    continue;
                }
                // (α − 1)λ moves by a constant that the max-shift absorbs; rounding of λ ± c is ~1e-13 · |c|.
                assertThat(after.f()).as("%s, shift %s", d, c).containsExactly(before.f(), within(1e-9));
                assertThat(after.fPrime()).as("%s, shift %s", d, c).containsExactly(before.fPrime(), within(1e-9));
                assertThat(after.scale()).as("%s, shift %s", d, c).isCloseTo(before.scale(), within(1e-9 * Math.abs(before.scale())));
            }
        }
    }

    /** Case C6: log-rewards spanning 2000 nats give finite f, f', scale, value, and finite balance losses. */
    @Test
    void logRewardsSpanningTwoThousandNatsStayFinite() {
        TrajectoryBatch extreme = TrajectoryBatch.ofTotals(
                new double[] {-3.0, -10.0, -1.0, -50.0, -2.0, -0.1},
                new double[] {-1.0, -2.0, 0.0, -5.0, -0.7, 0.0},
                new double[] {-1000.0, 0.0, 1000.0, -1000.0, 500.0, -999.0});
        for (ScoreFunctionObjective d : ObjectivesForTest.divergences()) {
            ScoreFunctionTerms t = d.terms(extreme); // the record itself rejects non-finite f, f', scale
            assertThat(Double.isFinite(t.valueEstimate())).as(d.toString()).isTrue();
            if (!d.toString().equals("reverse-kl")) {
                // shifted by the batch maximum: the largest f is exactly 1, none overflows
                assertThat(java.util.Arrays.stream(t.f()).max().orElseThrow()).as(d.toString()).isEqualTo(1.0);
            }
            for (double f : t.f()) {
                assertThat(f).as(d.toString()).isBetween(-2100.0, 2100.0);
            }
        }
        for (ScoreFunctionObjective d : new ScoreFunctionObjective[] {ObjectivesForTest.renyi(7.0),
                ObjectivesForTest.tsallis(7.0), ObjectivesForTest.renyi(-5.0), ObjectivesForTest.tsallis(-5.0)}) {
            ScoreFunctionTerms t = d.terms(extreme);
            assertThat(Double.isFinite(t.valueEstimate())).as(d.toString()).isTrue();
        }
        for (ObjectiveFactory factory : ObjectivesForTest.factories()) {
            Objective objective = factory.create(ConfigSection.defaultsOf("objective", factory.defaults()));
            if (objective instanceof BalanceObjective balance) {
                LossGradient g = balance.lossAndGradient(extreme, 3.0);
                assertThat(Double.isFinite(g.loss())).isTrue();
                for (double v : g.dLogPF()) {
                    assertThat(Double.isFinite(v)).as(factory.name()).isTrue();
                }
            }
        }
    }

    /** Case C6: a NaN or infinite input is an error naming the quantity and the trajectory, for every objective. */
    @Test
    void nonFiniteInputsAreNamed() {
        TrajectoryBatch nanPF = TrajectoryBatch.ofTotals(new double[] {-1, Double.NaN, -2}, new double[3], new double[3]);
        TrajectoryBatch infReward = TrajectoryBatch.ofTotals(new double[] {-1, -1, -2}, new double[3],
                new double[] {0, 0, Double.NEGATIVE_INFINITY});
        TrajectoryBatch overflowingRatio = TrajectoryBatch.ofTotals(new double[] {-1, -1.5e308, -2}, new double[3],
                new double[] {0, 1.5e308, 0});
        for (ObjectiveFactory factory : ObjectivesForTest.factories()) {
            Objective objective = factory.create(ConfigSection.defaultsOf("objective", factory.defaults()));
            assertThatThrownBy(() -> use(objective, nanPF)).as(factory.name())
                    .isInstanceOf(NonFiniteValueException.class).hasMessageContaining("log p_F of trajectory 1");
            assertThatThrownBy(() -> use(objective, infReward)).as(factory.name())
                    .isInstanceOf(NonFiniteValueException.class).hasMessageContaining("log r of trajectory 2");
            if (!factory.name().equals("tb")) {
                assertThatThrownBy(() -> use(objective, overflowingRatio)).as(factory.name())
                        .isInstanceOf(NonFiniteValueException.class).hasMessageContaining("trajectory 1");
            }
        }
    }

    /** Case C7: an empty batch is a clear error for every objective, never a NaN. */
    @Test
    void emptyBatchesAreRefused() {
        TrajectoryBatch empty = TrajectoryBatch.ofTotals(new double[0], new double[0], new double[0]);
        for (ObjectiveFactory factory : ObjectivesForTest.factories()) {
            Objective objective = factory.create(ConfigSection.defaultsOf("objective", factory.defaults()));
            assertThatThrownBy(() -> use(objective, empty)).as(factory.name())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        }
    }

    private static void use(Objective objective, TrajectoryBatch batch) {
        if (objective instanceof ScoreFunctionObjective d) {
            d.terms(batch);
        } else {
            ((BalanceObjective) objective).lossAndGradient(batch, 0.0);
        }
    }
}
