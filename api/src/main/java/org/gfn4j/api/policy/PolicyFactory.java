package org.gfn4j.api.policy;

import org.gfn4j.api.Plugin;
import org.gfn4j.api.config.ConfigSection;

/** Creates a {@link Policy} network from its config section ({@code policy { name = mlp, … }}). */
public interface PolicyFactory extends Plugin {
    Policy create(ConfigSection section, PolicySpec spec);
}
