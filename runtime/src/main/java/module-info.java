/**
 * The gfn4j runtime: policy networks on ND4J, the sampler and trainer, exact evaluation, Guice
 * wiring, HOCON loading, run outputs and the {@code gfn4j} command line.
 *
 * <p>It finds every environment, objective, estimator, policy and metric through
 * {@link java.util.ServiceLoader} and never names an implementation class of another module.
 * ND4J sits on the class path (its module descriptors are broken), so this module is compiled and
 * launched with {@code --add-reads org.gfn4j.runtime=ALL-UNNAMED}.
 */
module org.gfn4j.runtime {
    requires org.gfn4j.api;
    requires com.google.guice;
    requires info.picocli;
    requires me.tongfei.progressbar;
    requires org.slf4j;
    // Java2D and ImageIO for the samples picture of continuous runs
    requires java.desktop;
    requires java.management;

    exports org.gfn4j.runtime.cli;
    exports org.gfn4j.runtime.config;
    exports org.gfn4j.runtime.diagnostics;
    exports org.gfn4j.runtime.evaluation;
    exports org.gfn4j.runtime.output;
    exports org.gfn4j.runtime.plugin;
    exports org.gfn4j.runtime.policy;
    exports org.gfn4j.runtime.sampling;
    exports org.gfn4j.runtime.training;
    exports org.gfn4j.runtime.wiring;

    opens org.gfn4j.runtime.cli to info.picocli;
    opens org.gfn4j.runtime.wiring to com.google.guice;
    opens org.gfn4j.runtime.config;

    uses org.gfn4j.api.env.EnvironmentFactory;
    uses org.gfn4j.api.objective.ObjectiveFactory;
    uses org.gfn4j.api.estimator.EstimatorFactory;
    uses org.gfn4j.api.policy.PolicyFactory;
    uses org.gfn4j.api.metric.MetricFactory;

    provides org.gfn4j.api.policy.PolicyFactory with
            org.gfn4j.runtime.policy.MlpPolicyFactory;
    provides org.gfn4j.api.metric.MetricFactory with
            org.gfn4j.runtime.evaluation.ExactL1MetricFactory,
            org.gfn4j.runtime.evaluation.LogPartitionErrorMetricFactory;
}
