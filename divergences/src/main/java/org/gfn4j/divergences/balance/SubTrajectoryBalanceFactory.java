package org.gfn4j.divergences.balance;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.objective.Objective;
import org.gfn4j.api.objective.ObjectiveFactory;

/** {@code objective { name = subtb, lambda = 0.9 }}: sub-trajectory balance with λ-geometric weights. */
public final class SubTrajectoryBalanceFactory implements ObjectiveFactory {
    private static final Config DEFAULTS = ConfigFactory.parseString("""
            # weight lambda^(k-j) of the sub-trajectory from position j to k (then normalised per trajectory):
            # small values stress single transitions (detailed balance), large ones whole trajectories (TB)
            lambda = 0.9
            """);

    @Override
    public String name() {
        return SubTrajectoryBalance.NAME;
    }

    @Override
    public String description() {
        return "sub-trajectory balance SubTB(lambda) with a learned state flow log F(s), lambda-geometric weights";
    }

    @Override
    public Config defaults() {
        return DEFAULTS;
    }

    @Override
    public Objective create(ConfigSection section) {
        return new SubTrajectoryBalance(section.getDouble("lambda", 1e-6, 1e3));
    }
}
