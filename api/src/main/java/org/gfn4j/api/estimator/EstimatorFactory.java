package org.gfn4j.api.estimator;

import org.gfn4j.api.Plugin;
import org.gfn4j.api.config.ConfigSection;

/** Creates a {@link GradientEstimator} from its config section ({@code estimator { name = …, … }}). */
public interface EstimatorFactory extends Plugin {
    GradientEstimator create(ConfigSection section);
}
