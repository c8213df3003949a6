package org.gfn4j.api.env;

import org.gfn4j.api.Plugin;
import org.gfn4j.api.config.ConfigSection;

/**
 * Creates an environment from its config section ({@code env { name = …, … }}): a discrete
 * {@link Environment} or a {@link ContinuousEnvironment}. Factories may declare the narrower return
 * type ({@code Environment<?> create(…)}), as every discrete factory does.
 */
public interface EnvironmentFactory extends Plugin {

    /** Validates the section (errors name the key and what is allowed) and builds the environment. */
    TaskEnvironment create(ConfigSection section);
}
