package org.gfn4j.runtime.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.gfn4j.api.InvalidConfigException;
import org.gfn4j.api.env.Environment;
import org.gfn4j.api.env.EnvironmentFactory;
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
        Environment<?> env = registry.find(PluginKind.ENVIRONMENT, EnvironmentFactory.class, envName)
                .create(config.section("env"));
        String objectiveName = config.pluginName("objective");
        Objective objective = registry.find(PluginKind.OBJECTIVE, ObjectiveFactory.class, objectiveName)
                .create(config.section("objective"));
        String estimatorName = config.pluginName("estimator");
        GradientEstimator estimator = registry.find(PluginKind.ESTIMATOR, EstimatorFactory.class, estimatorName)
                .create(config.section("estimator"));
        Policy policy = registry.find(PluginKind.POLICY, PolicyFactory.class, config.pluginName("policy"))
                .create(config.section("policy"), new PolicySpec(env.featureSize(), env.forwardActionCount(),
                        RandomStreams.forInitialisation(settings.seed())));
        if (policy.inputSize() != env.featureSize() || policy.outputSize() != env.forwardActionCount()) {
            throw new InvalidConfigException("policy.name", "the policy maps " + policy.inputSize() + " features to "
                    + policy.outputSize() + " logits, but the environment has " + env.featureSize() + " features and "
                    + env.forwardActionCount() + " actions");
        }
        return new RunComponents(env, envName, objective, objectiveName, estimator, estimatorName, policy);
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
