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
import org.gfn4j.api.objective.StateQuantity;
import org.gfn4j.runtime.training.AuxiliaryNetworks;
import org.gfn4j.runtime.training.BalanceTrainingSettings;
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
    BalanceTrainingSettings balanceSettings(RunComponents components) {
        BalanceTrainingSettings balance = BalanceTrainingSettings.from(config);
        // refuse what the objective cannot honour here, once, before any network is built for it
        balance.validateFor(components.objective(), components.objectiveName());
        return balance;
    }

    /**
     * The state-flow network (when the objective reads log F(s)) and the learned backward policy
     * (when {@code train.learn-backward-policy}): separate networks from the run's policy factory,
     * with one output and one output per backward action (see {@link AuxiliaryNetworks} for why).
     */
    @Provides
    @Singleton
    AuxiliaryNetworks auxiliaryNetworks(RunComponents components, TrainSettings settings, BalanceTrainingSettings balance) {
        if (components.isContinuous()) {
            if (balance.learnBackwardPolicy()) {
                throw new InvalidConfigException("train.learn-backward-policy", "continuous environments have a fixed"
                        + " backward kernel (a Brownian bridge); set it to false");
            }
            return AuxiliaryNetworks.none(); // objectives that need state flows are refused by the trainer
        }
        Environment<?> env = components.discreteEnvironment("auxiliary networks");
        PolicyFactory factory = registry.find(PluginKind.POLICY, PolicyFactory.class, config.pluginName("policy"));
        Policy flow = null;
        if (components.objective().stateQuantities().contains(StateQuantity.LOG_FLOW)) {
            flow = factory.create(config.section("policy"), new PolicySpec(env.featureSize(), 1,
                    RandomStreams.forFlowInitialisation(settings.seed())));
        }
        Policy backward = null;
        if (balance.learnBackwardPolicy()) {
            backward = factory.create(config.section("policy"), new PolicySpec(env.featureSize(), env.backwardActionCount(),
                    RandomStreams.forBackwardInitialisation(settings.seed())));
        }
        return new AuxiliaryNetworks(flow, backward, balance.flowLearningRate(), balance.backwardLearningRate());
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
    Trainer trainer(RunComponents components, TrainSettings settings, List<Metric> metrics, BalanceTrainingSettings balance,
                    AuxiliaryNetworks auxiliary) {
        return new Trainer(components, settings, metrics, balance, auxiliary);
    }
}
