package org.gfn4j.divergences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.gfn4j.api.objective.ScoreFunctionObjective;
import org.gfn4j.api.objective.ScoreFunctionTerms;
import org.gfn4j.api.objective.TrajectoryBatch;
import org.gfn4j.divergences.kl.ForwardKlDivergence;
import org.gfn4j.divergences.kl.ReverseKlDivergence;
import org.junit.jupiter.api.Test;

/**
 * f, f', the scale and the value estimate of each divergence on {@link ObjectivesForTest#threeTrajectories()},
 * against numbers computed by hand (with a calculator, from MATH.md's table, independently of this code).
 */
class DivergenceTermsTest {
    static final double TOLERANCE = 1e-12;
    final TrajectoryBatch batch = ObjectivesForTest.threeTrajectories();

    @Test
    void reverseKl() {
        ScoreFunctionTerms t = new ReverseKlDivergence().terms(batch);
        assertThat(t.f()).containsExactly(new double[] {-1.6931471805599454, -1.3068528194400546, 0.1931471805599453},
                within(TOLERANCE));
        assertThat(t.fPrime()).containsExactly(1, 1, 1);
        assertThat(t.scale()).isEqualTo(1.0);
        // mean λ + log mean exp(−λ)
        assertThat(t.valueEstimate()).isCloseTo(0.2638904799829881, within(TOLERANCE));
    }

    @Test
    void forwardKl() {
        ScoreFunctionTerms t = new ForwardKlDivergence().terms(batch);
        // w = exp(−λ) = (2e, e²/2, 2e^{0.5}) divided by the largest, 2e.
        assertThat(t.f()).containsExactly(new double[] {1.0, 0.6795704571147612, 0.15163266492815836}, within(TOLERANCE));
        assertThat(t.fPrime()).containsExactly(0, 0, 0);
        assertThat(t.scale()).isEqualTo(-1.0);
        // Σ ŵ_i (−λ_i) − log mean w
        assertThat(t.valueEstimate()).isCloseTo(0.19408844907034672, within(TOLERANCE));
    }

    @Test
    void renyiHalf() {
        ScoreFunctionTerms t = ObjectivesForTest.renyi(0.5).terms(batch);
        assertThat(t.f()).containsExactly(new double[] {1.0, 0.824360635350064, 0.38940039153570244}, within(TOLERANCE));
        assertThat(t.fPrime()).containsExactly(new double[] {-0.5, -0.412180317675032, -0.19470019576785122}, within(TOLERANCE));
        assertThat(t.scale()).isCloseTo(-2.710319644772394, within(TOLERANCE));
        assertThat(t.valueEstimate()).isCloseTo(0.11419970085628561, within(TOLERANCE));
    }

    @Test
    void renyiTwo() {
        ScoreFunctionTerms t = ObjectivesForTest.renyi(2.0).terms(batch);
        assertThat(t.f()).containsExactly(new double[] {0.15163266492815833, 0.22313016014842985, 1.0}, within(TOLERANCE));
        assertThat(t.fPrime()).containsExactly(t.f(), within(TOLERANCE));
        assertThat(t.scale()).isCloseTo(2.182194590425348, within(TOLERANCE));
        assertThat(t.valueEstimate()).isCloseTo(0.6123242037417279, within(TOLERANCE));
    }

    /** α &lt; 0: oriented by sign(α) = −1, so that the minimised value is non-negative. */
    @Test
    void renyiMinusOne() {
        ScoreFunctionTerms t = ObjectivesForTest.renyi(-1.0).terms(batch);
        assertThat(t.f()).containsExactly(new double[] {1.0, 0.4618160061831655, 0.022992465073215146}, within(TOLERANCE));
        assertThat(t.fPrime()).containsExactly(new double[] {-2.0, -0.923632012366331, -0.04598493014643029},
                within(TOLERANCE));
        assertThat(t.scale()).isCloseTo(1.0102313052745213, within(TOLERANCE));
        assertThat(t.valueEstimate()).isCloseTo(0.1419758439387182, within(TOLERANCE));
    }

    @Test
    void tsallis() {
        ScoreFunctionTerms half = ObjectivesForTest.tsallis(0.5).terms(batch);
        assertThat(half.f()).containsExactly(new double[] {1.0, 0.824360635350064, 0.38940039153570244}, within(TOLERANCE));
        assertThat(half.fPrime()).containsExactly(new double[] {-0.5, -0.412180317675032, -0.19470019576785122},
                within(TOLERANCE));
        assertThat(half.scale()).isEqualTo(-2.0);
        assertThat(half.valueEstimate()).isCloseTo(0.11100048809405666, within(TOLERANCE));

        ScoreFunctionTerms two = ObjectivesForTest.tsallis(2.0).terms(batch);
        assertThat(two.scale()).isEqualTo(1.0);
        assertThat(two.valueEstimate()).isCloseTo(0.8447139111128548, within(TOLERANCE));

        ScoreFunctionTerms minusOne = ObjectivesForTest.tsallis(-1.0).terms(batch);
        assertThat(minusOne.scale()).isEqualTo(0.5);
        assertThat(minusOne.valueEstimate()).isCloseTo(0.1641843764442618, within(TOLERANCE));
    }

    /**
     * Rényi's shift cancels: scale · f_i = g_i / ((α − 1) mean g) with g unshifted, whatever the
     * batch maximum was.
     */
    @Test
    void renyiCoefficientsDoNotDependOnTheShift() {
        double alpha = 0.5;
        ScoreFunctionTerms t = ObjectivesForTest.renyi(alpha).terms(batch);
        double[] g = new double[3];
        double meanG = 0;
        for (int i = 0; i < 3; i++) {
            g[i] = Math.exp((alpha - 1) * batch.logRatio(i));
            meanG += g[i] / 3;
        }
        for (int i = 0; i < 3; i++) {
            assertThat(t.scale() * t.f()[i]).isCloseTo(g[i] / ((alpha - 1) * meanG), within(TOLERANCE));
            assertThat(t.scale() * t.fPrime()[i]).isCloseTo(g[i] / meanG, within(TOLERANCE));
        }
    }

    /** Where p_F = p_B · r / Z on every sampled trajectory (λ constant), every value estimate is 0. */
    @Test
    void valueEstimatesVanishWhenTheRatioIsConstant() {
        TrajectoryBatch perfect = TrajectoryBatch.ofTotals(new double[] {-3.0, -1.5, -2.0}, new double[] {-1.0, 0.0, -0.5},
                new double[] {-4.0, -3.5, -3.5}); // λ = 2 for all three
        for (ScoreFunctionObjective d : ObjectivesForTest.divergences()) {
            assertThat(d.terms(perfect).valueEstimate()).as(d.toString()).isCloseTo(0.0, within(1e-12));
        }
    }
}
