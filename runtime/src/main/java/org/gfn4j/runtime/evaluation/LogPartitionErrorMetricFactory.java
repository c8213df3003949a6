package org.gfn4j.runtime.evaluation;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.gfn4j.api.metric.Metric;
import org.gfn4j.api.metric.MetricFactory;

/** {@code logz-error}: |learned log Z − exact log Z|, NaN when the objective learns no log Z. */
public final class LogPartitionErrorMetricFactory implements MetricFactory {

    @Override
    public String name() {
        return "logz-error";
    }

    @Override
    public String description() {
        return "|learned log Z - exact log Z| (NaN for objectives without a learned log Z)";
    }

    @Override
    public Config defaults() {
        return ConfigFactory.empty();
    }

    @Override
    public Metric create() {
        return new DefinedMetric("logz_error", "logz_error = |learned log Z - exact log Z|",
                d -> Double.isNaN(d.learnedLogPartition()) ? Double.NaN
                        : Math.abs(d.learnedLogPartition() - d.exactLogPartition()));
    }
}
