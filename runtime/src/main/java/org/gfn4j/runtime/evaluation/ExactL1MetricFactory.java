package org.gfn4j.runtime.evaluation;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.gfn4j.api.metric.Metric;
import org.gfn4j.api.metric.MetricFactory;
import org.gfn4j.api.metric.TerminalDistributions;

/** {@code l1}: the exact L1 distance Σ_x |p_T(x) − π(x)| between model and target (= 2·TV, in [0, 2]). */
public final class ExactL1MetricFactory implements MetricFactory {
    static final String DEFINITION = "L1 = sum_x |p_T(x) - pi(x)| over all terminal states (= 2 TV, between 0 and 2), exact";

    @Override
    public String name() {
        return "l1";
    }

    @Override
    public String description() {
        return "exact L1 = sum_x |p_T(x) - pi(x)| (= 2 TV) by dynamic programming over the enumerated states";
    }

    @Override
    public Config defaults() {
        return ConfigFactory.empty();
    }

    @Override
    public Metric create() {
        return new DefinedMetric("l1", DEFINITION, ExactL1MetricFactory::l1);
    }

    /** Σ_x |p_T(x) − π(x)|; NaN when the distributions could not be enumerated. */
    static double l1(TerminalDistributions d) {
        if (!d.enumerated()) {
            return Double.NaN;
        }
        double l1 = 0;
        for (int x = 0; x < d.model().length; x++) {
            l1 += Math.abs(d.model()[x] - d.target()[x]);
        }
        return l1;
    }
}
