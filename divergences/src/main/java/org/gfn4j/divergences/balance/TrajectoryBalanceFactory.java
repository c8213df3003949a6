package org.gfn4j.divergences.balance;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.objective.Objective;
import org.gfn4j.api.objective.ObjectiveFactory;

/** {@code objective { name = tb }}: trajectory balance, no parameters. */
public final class TrajectoryBalanceFactory implements ObjectiveFactory {

    @Override
    public String name() {
        return "tb";
    }

    @Override
    public String description() {
        return "trajectory balance: (log Z + log p_F - log r - log p_B)^2 with a learned log Z";
    }

    @Override
    public Config defaults() {
        return ConfigFactory.empty();
    }

    @Override
    public Objective create(ConfigSection section) {
        return new TrajectoryBalance();
    }
}
