package org.gfn4j.runtime.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gfn4j.api.InvalidConfigException;
import org.gfn4j.runtime.config.RunConfig;
import org.gfn4j.runtime.config.RunConfigLoader;
import org.gfn4j.runtime.output.Checkpoints;
import org.gfn4j.runtime.plugin.PluginRegistry;
import org.gfn4j.runtime.training.Trainer;
import org.gfn4j.runtime.wiring.Runs;

/** A run directory opened for eval, sample or resume: its own config and one of its checkpoints. */
record StoredRun(Path directory, RunConfig config, Checkpoints.Loaded checkpoint) {

    /** The run's {@code config.conf} with {@code overrides} on top. */
    static RunConfig config(Path directory, PluginRegistry registry, List<String> overrides) {
        Path conf = directory.resolve("config.conf");
        if (!Files.isRegularFile(conf)) {
            throw new InvalidConfigException("RUN_DIR", directory + " is not a run directory (it holds no config.conf)");
        }
        return new RunConfigLoader(registry).load(conf, overrides);
    }

    /**
     * @param which a checkpoint (iteration number or file), or null for the newest one that reads
     *              back whole; damaged newer ones are reported on standard error and skipped
     */
    static StoredRun open(Path directory, PluginRegistry registry, List<String> overrides, String which) {
        RunConfig config = config(directory, registry, overrides);
        Checkpoints checkpoints = Checkpoints.of(directory);
        Checkpoints.Loaded loaded;
        if (which == null) {
            loaded = checkpoints.latest(w -> System.err.println("gfn4j: warning: " + w)).orElseThrow(() ->
                    new InvalidConfigException("RUN_DIR", "no readable checkpoint in " + checkpoints.folder()
                            + " (a run writes one at its end, on Ctrl-C and every checkpoint.every iterations)"));
        } else {
            try {
                loaded = checkpoints.load(which);
            } catch (IOException e) {
                throw new InvalidConfigException("--checkpoint", e.getMessage());
            }
        }
        return new StoredRun(directory, config, loaded);
    }

    /** A trainer of the run's config, holding the checkpoint's parameters and state. */
    Trainer trainer(PluginRegistry registry) {
        Trainer trainer = Runs.trainer(config, registry);
        trainer.restore(checkpoint.state());
        return trainer;
    }
}
