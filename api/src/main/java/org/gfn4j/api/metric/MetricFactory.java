package org.gfn4j.api.metric;

import org.gfn4j.api.Plugin;

/** Discovers a {@link Metric}; metrics take no parameters. */
public interface MetricFactory extends Plugin {
    Metric create();
}
