package org.gfn4j.divergences.balance;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.objective.Objective;
import org.gfn4j.api.objective.ObjectiveFactory;

/** {@code objective { name = db }}: detailed balance, no parameters (the runtime adds a state-flow network). */
public final class DetailedBalanceFactory implements ObjectiveFactory {

    @Override
    public String name() {
        return "db";
    }

    @Override
    public String description() {
        return "detailed balance with a learned state flow log F(s); the exit edge carries r(x)";
    }

    @Override
    public Config defaults() {
        return ConfigFactory.empty();
    }

    @Override
    public Objective create(ConfigSection section) {
        return new DetailedBalance();
    }
}
