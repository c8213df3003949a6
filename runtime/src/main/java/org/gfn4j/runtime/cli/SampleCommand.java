package org.gfn4j.runtime.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.gfn4j.api.InvalidConfigException;
import org.gfn4j.api.env.Environment;
import org.gfn4j.runtime.sampling.Trajectory;
import org.gfn4j.runtime.sampling.TrajectorySampler;
import org.gfn4j.runtime.training.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code gfn4j sample}: objects drawn from a trained policy, with their log-rewards, as CSV. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {"Write N objects drawn from a run's trained policy, with their log-rewards, as CSV.",
            "Columns: index, log_reward (log r(x)), object (readable: grid coordinates, element lists, token strings,",
            "Newick trees, edge lists). Uses the newest readable checkpoint unless --checkpoint says otherwise.",
            "Sampling is on-policy (no exploration) and reproducible for a given --seed."})
final class SampleCommand implements Runnable {
    private static final int CHUNK = 1024;

    @ParentCommand
    Gfn4jCommand root;

    @Mixin
    PluginFolderOptions plugins = new PluginFolderOptions();

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run directory (holds config.conf and checkpoints/).")
    Path runDir;

    @Option(names = {"-n", "--count"}, paramLabel = "N", defaultValue = "1000", description = "How many objects. Default: ${DEFAULT-VALUE}.")
    long count;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "CSV file to write. Default: RUN_DIR/samples.csv.")
    Path out;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "0",
            description = "Seed of the sampling streams (independent of the training streams). Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--checkpoint", paramLabel = "ITERATION|FILE",
            description = "Which checkpoint: an iteration of this run or a checkpoint file. Default: the newest readable one.")
    String checkpoint;

    @Override
    public void run() {
        if (count < 1) {
            throw new InvalidConfigException("-n", "must be at least 1, got " + count);
        }
        StoredRun run = StoredRun.open(runDir, root.registry(plugins), List.of(), checkpoint);
        Trainer trainer = run.trainer(root.registry(plugins));
        Path target = out != null ? out : runDir.resolve("samples.csv");
        double meanLogReward = write(trainer.components().discreteEnvironment("gfn4j sample"), trainer, target);
        System.out.printf(Locale.ROOT, "gfn4j: wrote %d objects from %s (iteration %d) to %s; mean log-reward %.4f%n", count,
                run.checkpoint().file().getFileName(), run.checkpoint().state().iteration(), target, meanLogReward);
    }

    private <S> double write(Environment<S> env, Trainer trainer, Path target) {
        TrajectorySampler<S> sampler = new TrajectorySampler<>(env, trainer.policy(), 1, null);
        double sum = 0;
        try {
            if (target.toAbsolutePath().getParent() != null) {
                Files.createDirectories(target.toAbsolutePath().getParent());
            }
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("index,log_reward,object\n");
                long index = 0;
                for (long chunk = 0; index < count; chunk++) {
                    int size = (int) Math.min(CHUNK, count - index);
                    // negative "iterations" name streams that training (iterations 1, 2, ...) never uses
                    for (Trajectory<S> t : sampler.sample(size, seed, -1 - chunk, 0.0)) {
                        double logReward = env.logReward(t.terminal());
                        sum += logReward;
                        w.write(index++ + "," + String.format(Locale.ROOT, "%.10g", logReward) + ","
                                + csvField(env.describe(t.terminal())) + "\n");
                    }
                }
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
        return sum / count;
    }

    static String csvField(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
