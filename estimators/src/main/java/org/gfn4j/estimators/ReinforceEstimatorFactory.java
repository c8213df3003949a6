package org.gfn4j.estimators;

/**
 * {@code estimator { name = reinforce }}. REINFORCE without control variates: c_i = scale · (1/N) (f'_i + f_i). Unbiased, high variance.
 */
public final class ReinforceEstimatorFactory extends ControlVariateEstimatorFactory {

    public ReinforceEstimatorFactory() {
        super("reinforce",
                "REINFORCE: scale * (1/N) sum (f' + f) grad s, no control variate",
                false, ScoreControlVariateMode.NONE);
    }
}
