package org.gfn4j.divergences.kl;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.objective.Objective;
import org.gfn4j.api.objective.ObjectiveFactory;

/** {@code objective { name = reverse-kl }}: KL(P_F ‖ P_B), no parameters. */
public final class ReverseKlDivergenceFactory implements ObjectiveFactory {

    @Override
    public String name() {
        return ReverseKlDivergence.NAME;
    }

    @Override
    public String description() {
        return "reverse KL divergence KL(P_F || P_B), mode-seeking; f = lambda, f' = 1, exact gradient";
    }

    @Override
    public Config defaults() {
        return ConfigFactory.empty();
    }

    @Override
    public Objective create(ConfigSection section) {
        return new ReverseKlDivergence();
    }
}
