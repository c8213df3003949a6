package org.gfn4j.divergences.balance;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.objective.Objective;
import org.gfn4j.api.objective.ObjectiveFactory;

/** {@code objective { name = modified-db }}: modified detailed balance, no parameters. */
public final class ModifiedDetailedBalanceFactory implements ObjectiveFactory {

    @Override
    public String name() {
        return "modified-db";
    }

    @Override
    public String description() {
        return "modified detailed balance for environments where every state may exit (DAG-GFlowNet); no flow network";
    }

    @Override
    public Config defaults() {
        return ConfigFactory.empty();
    }

    @Override
    public Objective create(ConfigSection section) {
        return new ModifiedDetailedBalance();
    }
}
