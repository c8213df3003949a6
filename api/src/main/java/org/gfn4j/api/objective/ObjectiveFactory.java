package org.gfn4j.api.objective;

import org.gfn4j.api.Plugin;
import org.gfn4j.api.config.ConfigSection;

/** Creates an {@link Objective} from its config section ({@code objective { name = …, … }}). */
public interface ObjectiveFactory extends Plugin {
    Objective create(ConfigSection section);
}
