package org.gfn4j.divergences.kl;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.objective.Objective;
import org.gfn4j.api.objective.ObjectiveFactory;

/** {@code objective { name = forward-kl }}: KL(P_B ‖ P_F) by on-policy importance weighting, no parameters. */
public final class ForwardKlDivergenceFactory implements ObjectiveFactory {

    @Override
    public String name() {
        return ForwardKlDivergence.NAME;
    }

    @Override
    public String description() {
        return "forward KL divergence KL(P_B || P_F), mass-covering; f = importance weight, f' = 0, scale -1";
    }

    @Override
    public Config defaults() {
        return ConfigFactory.empty();
    }

    @Override
    public Objective create(ConfigSection section) {
        return new ForwardKlDivergence();
    }
}
