package com.example.gfn4j.hellinger;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.objective.Objective;
import org.gfn4j.api.objective.ObjectiveFactory;

/** {@code objective { name = hellinger }}: the squared Hellinger distance H²(P_F, P_B), no parameters. */
public final class SquaredHellingerFactory implements ObjectiveFactory {

    @Override
    public String name() {
        return SquaredHellinger.NAME;
    }

    @Override
    public String description() {
        return "squared Hellinger distance H^2(P_F, P_B); f = (p_B r / p_F)^(1/2), f' = -f/2, scale -1 (example plugin)";
    }

    @Override
    public Config defaults() {
        return ConfigFactory.empty();
    }

    @Override
    public Objective create(ConfigSection section) {
        return new SquaredHellinger();
    }
}
