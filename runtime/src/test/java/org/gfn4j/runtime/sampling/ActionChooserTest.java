package org.gfn4j.runtime.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ActionChooserTest {

    /**
     * Case C4: hypergrid 5-D at a point on the upper boundary in 4 dimensions, where only one
     * increment and exit are valid; the logits strongly prefer the masked actions. 10^6 draws,
     * with and without exploration, never return a masked action, whose probability is exactly 0.
     */
    @Test
    void maskedActionsAreNeverDrawn() {
        boolean[] mask = {false, false, true, false, false, true};
        float[] logits = {50f, 80f, -3f, 90f, 70f, 0f};
        double[] logProbs = new double[6];
        MaskedLogSoftmax.row(logits, 0, mask, 0, 6, logProbs, 0, "boundary state");
        for (int k = 0; k < 6; k++) {
            if (!mask[k]) {
                assertThat(logProbs[k]).isEqualTo(Double.NEGATIVE_INFINITY);
                assertThat(Math.exp(logProbs[k])).isZero();
            }
        }
        assertThat(Math.exp(logProbs[2]) + Math.exp(logProbs[5])).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        SplittableRandom random = new SplittableRandom(1);
        int[] counts = new int[6];
        for (double epsilon : new double[] {0.0, 0.5}) {
            for (int i = 0; i < 500_000; i++) {
                counts[ActionChooser.choose(logProbs, 0, mask, 0, 6, epsilon, random)]++;
            }
        }
        assertThat(counts[0] + counts[1] + counts[3] + counts[4]).isZero();
        assertThat(counts[2]).isPositive();
        assertThat(counts[5]).isPositive();
    }

    /**
     * Case C9: with ε = 1 on a policy that strongly prefers one action, the action frequencies over
     * 10^4 draws are uniform over the valid actions. Chi-square with 4 degrees of freedom: the 0.001
     * critical value is 18.47, so a correct sampler fails this test once in a thousand seeds.
     */
    @Test
    void epsilonOneIsUniformOverValidActions() {
        boolean[] mask = {true, true, false, true, true, true};
        float[] logits = {40f, 0f, 0f, 0f, 0f, 0f};
        double[] logProbs = new double[6];
        MaskedLogSoftmax.row(logits, 0, mask, 0, 6, logProbs, 0, "state");
        SplittableRandom random = new SplittableRandom(7);
        int draws = 10_000;
        int[] counts = new int[6];
        for (int i = 0; i < draws; i++) {
            counts[ActionChooser.choose(logProbs, 0, mask, 0, 6, 1.0, random)]++;
        }
        assertThat(counts[2]).isZero();
        double expected = draws / 5.0;
        double chiSquare = 0;
        for (int k = 0; k < 6; k++) {
            if (mask[k]) {
                chiSquare += (counts[k] - expected) * (counts[k] - expected) / expected;
            }
        }
        assertThat(chiSquare).isLessThan(18.47);
    }

    @Test
    void followsThePolicyWithoutExploration() {
        boolean[] mask = {true, true, true};
        float[] logits = {0f, (float) Math.log(2), (float) Math.log(3)};
        double[] logProbs = new double[3];
        MaskedLogSoftmax.row(logits, 0, mask, 0, 3, logProbs, 0, "state");
        SplittableRandom random = new SplittableRandom(3);
        int[] counts = new int[3];
        int draws = 60_000;
        for (int i = 0; i < draws; i++) {
            counts[ActionChooser.choose(logProbs, 0, mask, 0, 3, 0.0, random)]++;
        }
        // expected 1/6, 2/6, 3/6; binomial standard deviation below 0.0021, tolerance 5 sd
        assertThat(counts[0] / (double) draws).isCloseTo(1 / 6.0, org.assertj.core.api.Assertions.within(0.011));
        assertThat(counts[2] / (double) draws).isCloseTo(0.5, org.assertj.core.api.Assertions.within(0.011));
    }
}
