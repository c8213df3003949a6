package org.gfn4j.runtime.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.gfn4j.api.InvalidConfigException;
import org.gfn4j.api.env.ContinuousEnvironment;
import org.gfn4j.api.env.Environment;
import org.gfn4j.api.env.EnvironmentFactory;
import org.gfn4j.api.env.TaskEnvironment;
import org.gfn4j.api.estimator.EstimatorFactory;
import org.gfn4j.api.estimator.GradientEstimator;
import org.gfn4j.api.metric.Metric;
import org.gfn4j.api.metric.MetricFactory;
import org.gfn4j.api.objective.Objective;
import org.gfn4j.api.objective.ObjectiveFactory;
import org.gfn4j.api.policy.Policy;
import org.gfn4j.api.policy.PolicyFactory;
import org.gfn4j.api.policy.PolicySpec;
import org.gfn4j.runtime.config.RunConfig;
import org.gfn4j.runtime.plugin.PluginKind;
import org.gfn4j.runtime.plugin.PluginRegistry;
import org.gfn4j.runtime.sampling.RandomStreams;
import org.gfn4j.runtime.training.ContinuousSetup;
import org.gfn4j.runtime.training.RunComponents;
import org.gfn4j.runtime.training.TrainSettings;
import org.gfn4j.runtime.training.Trainer;

/**
 * Guice wiring of one run: the resolved config and the plugin registry in, a {@link Trainer} out.
 * Plugins are looked up by the names in the config; no implementation class is named here.
 */
public final class RunModule extends AbstractModule {
    private final RunConfig config;
    private final PluginRegistry registry;

    public RunModule(RunConfig config, PluginRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    @Provides
    @Singleton
    RunConfig config() {
        return config;
    }

    @Provides
    @Singleton
    TrainSettings settings() {
        return TrainSettings.from(config);
    }

    @Provides
    @Singleton
    RunComponents components(TrainSettings settings) {
        String envName = config.pluginName("env");
        TaskEnvironment env = registry.find(PluginKind.ENVIRONMENT, EnvironmentFactory.class, envName)
                .create(config.section("env"));
        String objectiveName = config.pluginName("objective");
        Objective objective = registry.find(PluginKind.OBJECTIVE, ObjectiveFactory.class, objectiveName)
                .create(config.section("objective"));
        String estimatorName = config.pluginName("estimator");
        GradientEstimator estimator = registry.find(PluginKind.ESTIMATOR, EstimatorFactory.class, estimatorName)
                .create(config.section("estimator"));
        // a discrete environment needs one logit per action; a continuous one the head's density parameters
        ContinuousSetup continuous = env instanceof ContinuousEnvironment<?> c ? ContinuousSetup.from(config, c) : null;
        int features = env instanceof Environment<?> d ? d.featureSize() : ((ContinuousEnvironment<?>) env).featureSize();
        int outputs = continuous != null ? continuous.density().parameterCount() : ((Environment<?>) env).forwardActionCount();
        String outputsAre = continuous != null ? "density parameters (" + continuous.density().definition() + ")" : "actions";
        Policy policy = registry.find(PluginKind.POLICY, PolicyFactory.class, config.pluginName("policy"))
                .create(config.section("policy"), new PolicySpec(features, outputs,
                        RandomStreams.forInitialisation(settings.seed())));
        if (policy.inputSize() != features || policy.outputSize() != outputs) {
            throw new InvalidConfigException("policy.name", "the policy maps " + policy.inputSize() + " features to "
                    + policy.outputSize() + " outputs, but the environment has " + features + " features and "
                    + outputs + " " + outputsAre);
        }
        return new RunComponents(env, envName, objective, objectiveName, estimator, estimatorName, policy, continuous);
    }

    @Provides
    @Singleton
    List<Metric> metrics(TrainSettings settings) {
        List<Metric> metrics = new ArrayList<>();
        for (String name : settings.metrics()) {
            metrics.add(registry.find(PluginKind.METRIC, MetricFactory.class, name).create());
        }
        return metrics;
    }

    @Provides
    @Singleton
    Trainer trainer(RunComponents components, TrainSettings settings, List<Metric> metrics) {
        return new Trainer(components, settings, metrics);
    }
}
