package org.gfn4j.runtime.plugin;

import org.gfn4j.api.Plugin;
import org.gfn4j.api.env.EnvironmentFactory;
import org.gfn4j.api.estimator.EstimatorFactory;
import org.gfn4j.api.metric.MetricFactory;
import org.gfn4j.api.objective.ObjectiveFactory;
import org.gfn4j.api.policy.PolicyFactory;

/** The kinds of plugin, each with its SPI and the config slot that picks one by name. */
public enum PluginKind {
    ENVIRONMENT("env", "environment", EnvironmentFactory.class),
    OBJECTIVE("objective", "objective", ObjectiveFactory.class),
    ESTIMATOR("estimator", "estimator", EstimatorFactory.class),
    POLICY("policy", "policy", PolicyFactory.class),
    METRIC("eval.metrics", "metric", MetricFactory.class);

    private final String configPath;
    private final String label;
    private final Class<? extends Plugin> spi;

    PluginKind(String configPath, String label, Class<? extends Plugin> spi) {
        this.configPath = configPath;
        this.label = label;
        this.spi = spi;
    }

    /** Where a run config names this kind, e.g. {@code env} (its {@code name} key picks the plugin). */
    public String configPath() {
        return configPath;
    }

    public String label() {
        return label;
    }

    public String plural() {
        return this == POLICY ? "policies" : label + "s";
    }

    public Class<? extends Plugin> spi() {
        return spi;
    }
}
