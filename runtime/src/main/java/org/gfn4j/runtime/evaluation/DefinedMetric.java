package org.gfn4j.runtime.evaluation;

import java.util.function.ToDoubleFunction;
import org.gfn4j.api.metric.Metric;
import org.gfn4j.api.metric.TerminalDistributions;

/** A metric given by its column name, its definition and how to compute it. */
record DefinedMetric(String name, String definition, ToDoubleFunction<TerminalDistributions> formula) implements Metric {

    @Override
    public double compute(TerminalDistributions distributions) {
        return formula.applyAsDouble(distributions);
    }
}
