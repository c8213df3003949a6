package org.gfn4j.estimators;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.estimator.EstimatorFactory;
import org.gfn4j.api.estimator.GradientEstimator;

/** Every estimator of this module, made by its factory from its default config, keyed by config name. */
final class EstimatorsByName {
    static final List<String> UNBIASED = List.of("reinforce", "loo", "loo-score-split");
    static final List<String> SAME_BATCH_SCORE = List.of("score", "loo-score");

    private EstimatorsByName() {
    }

    static List<EstimatorFactory> factories() {
        return List.of(new ReinforceEstimatorFactory(), new LeaveOneOutEstimatorFactory(), new ScoreEstimatorFactory(),
                new LeaveOneOutScoreEstimatorFactory(), new LeaveOneOutScoreSplitEstimatorFactory());
    }

    static Map<String, GradientEstimator> all() {
        Map<String, GradientEstimator> estimators = new LinkedHashMap<>();
        for (EstimatorFactory factory : factories()) {
            estimators.put(factory.name(), factory.create(ConfigSection.defaultsOf("estimator", factory.defaults())));
        }
        return estimators;
    }
}
