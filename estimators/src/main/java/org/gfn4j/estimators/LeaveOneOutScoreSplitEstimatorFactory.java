package org.gfn4j.estimators;

/**
 * {@code estimator { name = loo-score-split }}. Both control variates, â of each half of the batch applied to the other half
 * ({@link ScoreControlVariateMode#CROSS_HALVES}): c_i = scale · (1/N) (f'_i − â_other(i) + f_i − baseline_i).
 * Unbiased; N ≥ 2; four backward passes at most. Beyond the paper.
 */
public final class LeaveOneOutScoreSplitEstimatorFactory extends ControlVariateEstimatorFactory {

    public LeaveOneOutScoreSplitEstimatorFactory() {
        super("loo-score-split",
                "leave-one-out baseline and score control variate from the other half of the batch: unbiased",
                true, ScoreControlVariateMode.CROSS_HALVES);
    }
}
