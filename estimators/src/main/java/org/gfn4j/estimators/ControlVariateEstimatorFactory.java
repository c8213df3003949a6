package org.gfn4j.estimators;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.estimator.EstimatorFactory;
import org.gfn4j.api.estimator.GradientEstimator;

/**
 * What the five estimator factories share: each names one combination of the two control variates
 * of {@link ControlVariateEstimator}. Those with a score control variate accept {@code epsilon}.
 */
abstract class ControlVariateEstimatorFactory implements EstimatorFactory {
    private static final String EPSILON = "epsilon";
    private static final Config SCORE_DEFAULTS = ConfigFactory.parseString("""
            # epsilon in the score control variate a = <sum grad s, sum f' grad s> / (epsilon + |sum grad s|^2);
            # keeps a finite when the score gradients of a batch cancel. Must be > 0.
            epsilon = 1e-8
            """);

    private final String name;
    private final String description;
    private final boolean leaveOneOut;
    private final ScoreControlVariateMode scoreMode;

    ControlVariateEstimatorFactory(String name, String description, boolean leaveOneOut,
            ScoreControlVariateMode scoreMode) {
        this.name = name;
        this.description = description;
        this.leaveOneOut = leaveOneOut;
        this.scoreMode = scoreMode;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Config defaults() {
        return scoreMode == ScoreControlVariateMode.NONE ? ConfigFactory.empty() : SCORE_DEFAULTS;
    }

    @Override
    public final GradientEstimator create(ConfigSection section) {
        double epsilon = scoreMode == ScoreControlVariateMode.NONE
                ? ControlVariateEstimator.DEFAULT_EPSILON
                : section.getPositiveDouble(EPSILON);
        return new ControlVariateEstimator(name, leaveOneOut, scoreMode, epsilon);
    }
}
