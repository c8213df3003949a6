package org.gfn4j.estimators;

/**
 * {@code estimator { name = loo-score }}. Both control variates, â from the same batch (the paper's estimator):
 * c_i = scale · (1/N) (f'_i − â + f_i − baseline_i). Biased for small N (see
 * {@link ScoreControlVariateMode#SAME_BATCH}); N ≥ 2; two backward passes at most.
 */
public final class LeaveOneOutScoreEstimatorFactory extends ControlVariateEstimatorFactory {

    public LeaveOneOutScoreEstimatorFactory() {
        super("loo-score",
                "leave-one-out baseline and same-batch score control variate: the paper's estimator (biased for small N; for alpha < 0 prefer loo-score-split)",
                true, ScoreControlVariateMode.SAME_BATCH);
    }
}
