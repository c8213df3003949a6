package org.gfn4j.api.env;

import org.gfn4j.api.Plugin;
import org.gfn4j.api.config.ConfigSection;

/** Creates an {@link Environment} from its config section ({@code env { name = …, … }}). */
public interface EnvironmentFactory extends Plugin {

    /** Validates the section (errors name the key and what is allowed) and builds the environment. */
    Environment<?> create(ConfigSection section);
}
