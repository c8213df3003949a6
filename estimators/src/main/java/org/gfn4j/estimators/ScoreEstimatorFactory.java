package org.gfn4j.estimators;

/**
 * {@code estimator { name = score }}. The score control variate on the first term, â from the same batch: c_i = scale · (1/N) (f'_i − â + f_i).
 * Biased for small N (see {@link ScoreControlVariateMode#SAME_BATCH}); two backward passes at most.
 */
public final class ScoreEstimatorFactory extends ControlVariateEstimatorFactory {

    public ScoreEstimatorFactory() {
        super("score",
                "score control variate a on the first term, estimated from the same batch (biased for small N; for alpha < 0 prefer loo-score-split)",
                false, ScoreControlVariateMode.SAME_BATCH);
    }
}
