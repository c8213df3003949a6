package org.gfn4j.runtime.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gfn4j.runtime.config.RunConfig;
import org.gfn4j.runtime.config.RunConfigLoader;
import org.gfn4j.runtime.plugin.PluginRegistry;
import picocli.CommandLine.Option;

/** The options that say which configuration to run: a run file and overrides. */
final class ConfigOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "HOCON run file; its keys override the defaults (see `gfn4j config`).")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override one config key, e.g. --set objective.name=renyi --set objective.alpha=0.5. Repeatable; wins over the run file.")
    List<String> overrides = new ArrayList<>();

    RunConfig load(PluginRegistry registry) {
        return new RunConfigLoader(registry).load(file, overrides);
    }
}
