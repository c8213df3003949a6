package com.example.gfn4j.hellinger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.gfn4j.api.math.LogSpace;
import org.gfn4j.api.objective.NonFiniteValueException;
import org.gfn4j.api.objective.ScoreFunctionTerms;
import org.gfn4j.api.objective.TrajectoryBatch;
import org.junit.jupiter.api.Test;

/**
 * The objective's score-function terms against the exact gradient of H² on a problem small enough
 * to enumerate: K trajectories, P_F = softmax(θ) over them, fixed ℓ_k = log r + log p_B.
 */
class SquaredHellingerTest {
    private static final double[] ELL = {0.3, -1.2, 2.0, 0.0, -0.4};
    private static final double[] THETA = {0.5, -0.3, 0.1, 1.2, -0.8};

    private static double[] logSoftmax(double[] theta) {
        double lse = LogSpace.logSumExp(theta);
        double[] s = new double[theta.length];
        for (int k = 0; k < theta.length; k++) {
            s[k] = theta[k] - lse;
        }
        return s;
    }

    /** H²(θ) = 1 − Σ_k √(P_F(k) P_B(k)), P_B(k) = exp(ℓ_k)/Z. */
    private static double hellinger(double[] theta) {
        double[] s = logSoftmax(theta);
        double logZ = LogSpace.logSumExp(ELL);
        double sum = 0;
        for (int k = 0; k < s.length; k++) {
            sum += Math.exp(0.5 * (s[k] + ELL[k] - logZ));
        }
        return 1 - sum;
    }

    /** A batch holding each trajectory once, with log p_B = 0 so that ℓ = log r. */
    private static TrajectoryBatch everyTrajectory(double[] s) {
        return TrajectoryBatch.ofTotals(s, new double[s.length], ELL.clone());
    }

    @Test
    void expectedScoreFunctionGradientIsTheExactGradientUpToTheDroppedPositiveConstant() {
        int k = THETA.length;
        double[] s = logSoftmax(THETA);
        ScoreFunctionTerms terms = new SquaredHellinger().terms(everyTrajectory(s));

        // E_{P_F}[ scale (f' + f) ∇s ] with ∂s_k/∂θ_j = δ_kj − P_F(j), summed exactly over the trajectories
        double[] estimate = new double[k];
        for (int t = 0; t < k; t++) {
            double weight = Math.exp(s[t]) * terms.scale() * (terms.fPrime()[t] + terms.f()[t]);
            for (int j = 0; j < k; j++) {
                estimate[j] += weight * ((t == j ? 1 : 0) - Math.exp(s[j]));
            }
        }
        // the constants the objective drops: Z^{-1/2} and the batch shift exp(m), m = max(−λ/2)
        double m = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < k; t++) {
            m = Math.max(m, -0.5 * (s[t] - ELL[t]));
        }
        double dropped = Math.exp(m - 0.5 * LogSpace.logSumExp(ELL));

        double h = 1e-6;
        for (int j = 0; j < k; j++) {
            double[] plus = THETA.clone();
            double[] minus = THETA.clone();
            plus[j] += h;
            minus[j] -= h;
            double exact = (hellinger(plus) - hellinger(minus)) / (2 * h);
            assertEquals(exact, estimate[j] * dropped, 1e-8, "component " + j);
        }
    }

    @Test
    void valueIsZeroAtTheTargetAndBetweenZeroAndOneElsewhere() {
        double logZ = LogSpace.logSumExp(ELL);
        double[] onTarget = new double[ELL.length];
        for (int k = 0; k < ELL.length; k++) {
            onTarget[k] = ELL[k] - logZ; // P_F = P_B: λ = −log Z for every trajectory
        }
        assertEquals(0.0, new SquaredHellinger().terms(everyTrajectory(onTarget)).valueEstimate(), 1e-12);

        Random random = new Random(7);
        for (int trial = 0; trial < 100; trial++) {
            double[] logPF = new double[6];
            double[] logR = new double[6];
            for (int i = 0; i < 6; i++) {
                logPF[i] = -5 * random.nextDouble();
                logR[i] = 20 * random.nextGaussian();
            }
            double v = new SquaredHellinger().terms(TrajectoryBatch.ofTotals(logPF, new double[6], logR)).valueEstimate();
            assertTrue(v >= 0 && v <= 1, "value " + v);
        }
    }

    @Test
    void hugeLogRatiosGiveFiniteTerms() {
        double[] logPF = {-1.0, -2.0, -3.0};
        double[] logR = {5000.0, -5000.0, 0.0};
        ScoreFunctionTerms terms = new SquaredHellinger().terms(TrajectoryBatch.ofTotals(logPF, new double[3], logR));
        for (int i = 0; i < 3; i++) {
            assertTrue(terms.f()[i] >= 0 && terms.f()[i] <= 1, "f = " + terms.f()[i]);
            assertEquals(-0.5 * terms.f()[i], terms.fPrime()[i], 0.0);
        }
        assertEquals(1.0, terms.f()[0], 0.0); // the largest h is the shift's reference
    }

    @Test
    void nonFiniteInputsAndEmptyBatchesAreRefused() {
        TrajectoryBatch nan = TrajectoryBatch.ofTotals(new double[] {Double.NaN}, new double[1], new double[1]);
        assertThrows(NonFiniteValueException.class, () -> new SquaredHellinger().terms(nan));
        TrajectoryBatch empty = TrajectoryBatch.ofTotals(new double[0], new double[0], new double[0]);
        assertThrows(IllegalArgumentException.class, () -> new SquaredHellinger().terms(empty));
    }
}
