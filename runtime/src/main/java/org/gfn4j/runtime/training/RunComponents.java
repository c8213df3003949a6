package org.gfn4j.runtime.training;

import org.gfn4j.api.InvalidConfigException;
import org.gfn4j.api.env.ContinuousEnvironment;
import org.gfn4j.api.env.Environment;
import org.gfn4j.api.env.TaskEnvironment;
import org.gfn4j.api.estimator.GradientEstimator;
import org.gfn4j.api.objective.Objective;
import org.gfn4j.api.policy.Policy;

/**
 * The plugins a run is built from, with the config names they were chosen by.
 *
 * @param environment a discrete {@link Environment} or a {@link ContinuousEnvironment}
 * @param continuous  the density head and grid evaluation of a continuous environment; null for a discrete one
 */
public record RunComponents(TaskEnvironment environment, String environmentName, Objective objective, String objectiveName,
                            GradientEstimator estimator, String estimatorName, Policy policy, ContinuousSetup continuous) {

    /** The components of a run on a discrete environment. */
    public RunComponents(Environment<?> environment, String environmentName, Objective objective, String objectiveName,
                         GradientEstimator estimator, String estimatorName, Policy policy) {
        this(environment, environmentName, objective, objectiveName, estimator, estimatorName, policy, null);
    }

    /** True when the environment is continuous. */
    public boolean isContinuous() {
        return environment instanceof ContinuousEnvironment<?>;
    }

    /** The discrete environment, or an error naming {@code what} needs one. */
    public Environment<?> discreteEnvironment(String what) {
        if (environment instanceof Environment<?> discrete) {
            return discrete;
        }
        throw new InvalidConfigException("env.name", what + " needs a discrete environment; '" + environmentName
                + "' is continuous");
    }

    /** The continuous environment, or an error naming {@code what} needs one. */
    public ContinuousEnvironment<?> continuousEnvironment(String what) {
        if (environment instanceof ContinuousEnvironment<?> c) {
            return c;
        }
        throw new InvalidConfigException("env.name", what + " needs a continuous environment; '" + environmentName
                + "' is discrete");
    }
}
