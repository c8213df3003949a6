package org.gfn4j.divergences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.gfn4j.api.objective.LossGradient;
import org.gfn4j.api.objective.TrajectoryBatch;
import org.gfn4j.divergences.balance.TrajectoryBalance;
import org.gfn4j.divergences.balance.VarGrad;
import org.junit.jupiter.api.Test;

/** VarGrad's loss and exact gradient, checked by hand and by finite differences; TB's by finite differences. */
class VarGradTest {
    final TrajectoryBatch batch = ObjectivesForTest.threeTrajectories();

    @Test
    void lossIsTheBatchVarianceOfTheLogRatios() {
        LossGradient g = new VarGrad().lossAndGradient(batch, 123.0); // log Z is ignored
        double[] lambda = {-1.6931471805599454, -1.3068528194400546, 0.1931471805599453};
        double mean = (lambda[0] + lambda[1] + lambda[2]) / 3;
        double variance = 0;
        for (double l : lambda) {
            variance += (l - mean) * (l - mean) / 3;
        }
        assertThat(g.loss()).isCloseTo(variance, within(1e-12));
        assertThat(g.dLogPartition()).isZero();
        assertThat(new VarGrad().learnsLogPartition()).isFalse();
        for (int i = 0; i < 3; i++) {
            assertThat(g.dLogPF()[i]).isCloseTo(2 * (lambda[i] - mean) / 3, within(1e-12));
            assertThat(g.dLogPB()[i]).isEqualTo(-g.dLogPF()[i]);
        }
    }

    /** Central differences in log p_F and log p_B (h = 1e-6; the loss is quadratic, so they are exact up to rounding). */
    @Test
    void gradientMatchesFiniteDifferences() {
        LossGradient g = new VarGrad().lossAndGradient(batch, 0.0);
        double h = 1e-6;
        for (int i = 0; i < 3; i++) {
            assertThat(g.dLogPF()[i]).isCloseTo(difference(batch, i, true, h, false), within(1e-8));
            assertThat(g.dLogPB()[i]).isCloseTo(difference(batch, i, false, h, false), within(1e-8));
        }
        LossGradient tb = new TrajectoryBalance().lossAndGradient(batch, 0.7);
        for (int i = 0; i < 3; i++) {
            assertThat(tb.dLogPF()[i]).isCloseTo(difference(batch, i, true, h, true), within(1e-8));
            assertThat(tb.dLogPB()[i]).isCloseTo(difference(batch, i, false, h, true), within(1e-8));
        }
        double tbLogZ = (new TrajectoryBalance().lossAndGradient(batch, 0.7 + h).loss()
                - new TrajectoryBalance().lossAndGradient(batch, 0.7 - h).loss()) / (2 * h);
        assertThat(tb.dLogPartition()).isCloseTo(tbLogZ, within(1e-8));
    }

    private static double difference(TrajectoryBatch b, int i, boolean forward, double h, boolean tb) {
        return (loss(perturbed(b, i, forward, h), tb) - loss(perturbed(b, i, forward, -h), tb)) / (2 * h);
    }

    private static double loss(TrajectoryBatch b, boolean tb) {
        return tb ? new TrajectoryBalance().lossAndGradient(b, 0.7).loss() : new VarGrad().lossAndGradient(b, 0.0).loss();
    }

    private static TrajectoryBatch perturbed(TrajectoryBatch b, int i, boolean forward, double h) {
        double[] logPF = b.logPF().clone();
        double[] logPB = b.logPB().clone();
        if (forward) {
            logPF[i] += h;
        } else {
            logPB[i] += h;
        }
        return TrajectoryBatch.ofTotals(logPF, logPB, b.logReward());
    }

    /** Case C7: the variance of one number carries no gradient, so a batch of one is refused. */
    @Test
    void singleTrajectoryIsRefused() {
        TrajectoryBatch one = TrajectoryBatch.ofTotals(new double[] {-1}, new double[] {0}, new double[] {0});
        assertThatThrownBy(() -> new VarGrad().lossAndGradient(one, 0.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vargrad").hasMessageContaining("at least 2").hasMessageContaining("got 1");
    }
}
