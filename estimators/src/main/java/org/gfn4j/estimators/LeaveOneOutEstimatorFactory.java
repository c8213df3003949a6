package org.gfn4j.estimators;

/**
 * {@code estimator { name = loo }}. The leave-one-out baseline on the second term: c_i = scale · (1/N) (f'_i + f_i − baseline_i). Unbiased; N ≥ 2.
 */
public final class LeaveOneOutEstimatorFactory extends ControlVariateEstimatorFactory {

    public LeaveOneOutEstimatorFactory() {
        super("loo",
                "leave-one-out baseline on the second term (needs batches of 2 or more)",
                true, ScoreControlVariateMode.NONE);
    }
}
