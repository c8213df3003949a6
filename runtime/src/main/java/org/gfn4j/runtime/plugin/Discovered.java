package org.gfn4j.runtime.plugin;

import org.gfn4j.api.Plugin;

/**
 * A plugin factory and where it came from: the module name for built-ins, the jar for plugins.
 */
public record Discovered<F extends Plugin>(F factory, String origin) {
    public String name() {
        return factory.name();
    }
}
