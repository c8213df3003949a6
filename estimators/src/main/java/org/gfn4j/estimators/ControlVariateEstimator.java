package org.gfn4j.estimators;

import java.util.Arrays;
import org.gfn4j.api.estimator.GradientEstimator;
import org.gfn4j.api.estimator.GradientOracle;
import org.gfn4j.api.objective.NonFiniteValueException;
import org.gfn4j.api.objective.ScoreFunctionTerms;

/**
 * The score-function gradient estimate of a divergence with optional control variates:
 * c_i = scale · (1/N) [ (f'_i − â_i) + (f_i − baseline_i) ], so that Σ_i c_i ∇s_i estimates
 * scale · E[f' ∇s + f ∇s].
 *
 * <ul>
 *   <li>baseline_i = (1/(N − 1)) Σ_{j≠i} f_j with {@code leaveOneOut} ({@link LeaveOneOutBaseline}),
 *       0 without;</li>
 *   <li>â_i from the {@link ScoreControlVariate}, the same for the whole batch or taken from the
 *       other half of the batch ({@link ScoreControlVariateMode}), 0 without.</li>
 * </ul>
 * Both control variates have expectation zero given the rest of the estimate (E[∇s] = 0 and the
 * baseline of i does not depend on τ_i), except the same-batch â, see {@link ScoreControlVariateMode}.
 *
 * @param name        the config name, used in messages
 * @param leaveOneOut whether the second term gets the leave-one-out baseline
 * @param scoreMode   how the first term gets the score control variate
 * @param epsilon     ε in â's denominator, &gt; 0
 */
public record ControlVariateEstimator(String name, boolean leaveOneOut, ScoreControlVariateMode scoreMode, double epsilon)
        implements GradientEstimator {

    /** ε = 1e-8, MATH.md's choice. */
    public static final double DEFAULT_EPSILON = 1e-8;

    public ControlVariateEstimator {
        if (name == null || scoreMode == null) {
            throw new IllegalArgumentException("name and scoreMode must not be null");
        }
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be a finite number greater than 0, got " + epsilon);
        }
    }

    @Override
    public int minimumBatchSize() {
        // Leave-one-out needs another trajectory to compare with; the split needs two non-empty halves.
        return leaveOneOut || scoreMode == ScoreControlVariateMode.CROSS_HALVES ? 2 : 1;
    }

    @Override
    public double[] coefficients(ScoreFunctionTerms terms, GradientOracle oracle) {
        int n = terms.size();
        if (n == 0) {
            throw new IllegalArgumentException("estimator " + name + " cannot estimate a gradient from an empty batch");
        }
        if (n < minimumBatchSize()) {
            throw new IllegalArgumentException("estimator " + name + " needs at least " + minimumBatchSize()
                    + " trajectories per batch, got " + n + (leaveOneOut
                            ? ": the leave-one-out baseline compares each trajectory with the others"
                            : ": the split score control variate needs two non-empty halves"));
        }
        double[] f = terms.f();
        double[] fPrime = terms.fPrime();
        double[] secondTerm = leaveOneOut ? LeaveOneOutBaseline.centred(f) : f.clone();
        double[] scoreCoefficient = scoreCoefficients(fPrime, oracle);
        double[] c = new double[n];
        double perTrajectory = terms.scale() / n;
        for (int i = 0; i < n; i++) {
            c[i] = perTrajectory * ((fPrime[i] - scoreCoefficient[i]) + secondTerm[i]);
            if (!Double.isFinite(c[i])) {
                throw new NonFiniteValueException("gradient coefficient of trajectory " + i + " is " + c[i]
                        + " (f = " + f[i] + ", f' = " + fPrime[i] + ", â = " + scoreCoefficient[i]
                        + ", scale = " + terms.scale() + ")");
            }
        }
        return c;
    }

    /** â_i for every trajectory: the coefficient of ∇s_i subtracted from the first term. */
    private double[] scoreCoefficients(double[] fPrime, GradientOracle oracle) {
        int n = fPrime.length;
        double[] a = new double[n];
        switch (scoreMode) {
            case NONE -> {
            }
            case SAME_BATCH -> Arrays.fill(a, ScoreControlVariate.coefficient(fPrime, 0, n, oracle, epsilon));
            case CROSS_HALVES -> {
                int half = n / 2;
                double fromFirstHalf = ScoreControlVariate.coefficient(fPrime, 0, half, oracle, epsilon);
                double fromSecondHalf = ScoreControlVariate.coefficient(fPrime, half, n, oracle, epsilon);
                Arrays.fill(a, 0, half, fromSecondHalf);
                Arrays.fill(a, half, n, fromFirstHalf);
            }
        }
        return a;
    }
}
