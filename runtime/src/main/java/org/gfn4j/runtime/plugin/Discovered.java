package org.gfn4j.runtime.plugin;

import java.nio.file.Path;
import java.util.Optional;
import org.gfn4j.api.Plugin;

/**
 * A plugin factory and where it came from: the module name for built-ins, the jar for plugins.
 *
 * @param origin the module name ({@code org.gfn4j.environments}), {@code class path}, or the jar's path
 * @param jar    the plugin jar it was loaded from; null for built-ins
 */
public record Discovered<F extends Plugin>(F factory, String origin, Path jar) {

    public Discovered(F factory, String origin) {
        this(factory, origin, null);
    }

    public String name() {
        return factory.name();
    }

    /** The plugin jar, or empty for a built-in. */
    public Optional<Path> pluginJar() {
        return Optional.ofNullable(jar);
    }
}
