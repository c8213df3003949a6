package org.gfn4j.divergences.balance;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.objective.Objective;
import org.gfn4j.api.objective.ObjectiveFactory;

/** {@code objective { name = fm }}: flow matching, no parameters. */
public final class FlowMatchingFactory implements ObjectiveFactory {

    @Override
    public String name() {
        return "fm";
    }

    @Override
    public String description() {
        return "flow matching over the parents and children of every visited state (discrete only); logits are log edge flows";
    }

    @Override
    public Config defaults() {
        return ConfigFactory.empty();
    }

    @Override
    public Objective create(ConfigSection section) {
        return new FlowMatching();
    }
}
