package org.gfn4j.divergences.alpha;

import com.typesafe.config.Config;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.objective.Objective;
import org.gfn4j.api.objective.ObjectiveFactory;

/** {@code objective { name = renyi, alpha = 0.5 }}: the Rényi-α divergence D_α(P_F ‖ P_B). */
public final class RenyiDivergenceFactory implements ObjectiveFactory {

    @Override
    public String name() {
        return RenyiDivergence.NAME;
    }

    @Override
    public String description() {
        return "Renyi-alpha divergence D_alpha(P_F || P_B); f = (p_F/(p_B r))^(alpha-1), normalised per batch";
    }

    @Override
    public Config defaults() {
        return AlphaOrder.DEFAULTS;
    }

    @Override
    public Objective create(ConfigSection section) {
        return new RenyiDivergence(AlphaOrder.from(section, "Renyi"));
    }
}
