package org.gfn4j.divergences.alpha;

import com.typesafe.config.Config;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.objective.Objective;
import org.gfn4j.api.objective.ObjectiveFactory;

/** {@code objective { name = tsallis, alpha = 0.5 }}: the Tsallis-α divergence T_α(P_F ‖ P_B). */
public final class TsallisDivergenceFactory implements ObjectiveFactory {

    @Override
    public String name() {
        return TsallisDivergence.NAME;
    }

    @Override
    public String description() {
        return "Tsallis-alpha divergence T_alpha(P_F || P_B); exact direction, scale normalised per batch";
    }

    @Override
    public Config defaults() {
        return AlphaOrder.DEFAULTS;
    }

    @Override
    public Objective create(ConfigSection section) {
        return new TsallisDivergence(AlphaOrder.from(section, "Tsallis"));
    }
}
