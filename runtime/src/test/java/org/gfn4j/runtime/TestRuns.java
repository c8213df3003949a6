package org.gfn4j.runtime;

import java.util.List;
import org.gfn4j.runtime.config.RunConfig;
import org.gfn4j.runtime.config.RunConfigLoader;
import org.gfn4j.runtime.plugin.PluginRegistry;
import org.gfn4j.runtime.training.Trainer;
import org.gfn4j.runtime.wiring.Runs;

/** Builds runs from {@code key=value} overrides, as {@code --set} would, for tests. */
public final class TestRuns {
    private static PluginRegistry registry;

    private TestRuns() {
    }

    public static synchronized PluginRegistry registry() {
        if (registry == null) {
            registry = PluginRegistry.discover();
        }
        return registry;
    }

    public static RunConfig config(String... overrides) {
        return new RunConfigLoader(registry()).load(null, List.of(overrides));
    }

    public static Trainer trainer(String... overrides) {
        return Runs.trainer(config(overrides), registry());
    }
}
