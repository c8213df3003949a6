package org.gfn4j.divergences.balance;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.objective.Objective;
import org.gfn4j.api.objective.ObjectiveFactory;

/** {@code objective { name = vargrad }}: the batch variance of the log-ratios, no log Z, no parameters. */
public final class VarGradFactory implements ObjectiveFactory {

    @Override
    public String name() {
        return VarGrad.NAME;
    }

    @Override
    public String description() {
        return "VarGrad: batch variance of log p_F - log r - log p_B, no learned log Z (needs batches of 2 or more)";
    }

    @Override
    public Config defaults() {
        return ConfigFactory.empty();
    }

    @Override
    public Objective create(ConfigSection section) {
        return new VarGrad();
    }
}
