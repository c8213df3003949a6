package org.gfn4j.runtime.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gfn4j.api.metric.Metric;
import org.gfn4j.api.metric.MetricFactory;
import org.gfn4j.runtime.plugin.PluginKind;
import org.gfn4j.runtime.training.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code gfn4j eval}: the metrics of a run's checkpoint, recomputed. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Recompute the metrics of a run's checkpoint (by default its newest readable one).",
            "Uses the run's own config.conf, so it prints the values the run logged at that iteration: exact L1 and",
            "log Z error where the states can be enumerated, else the Monte-Carlo L1 from the same random streams."})
final class EvalCommand implements Runnable {

    @ParentCommand
    Gfn4jCommand root;

    @Mixin
    PluginFolderOptions plugins = new PluginFolderOptions();

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run directory (holds config.conf and checkpoints/).")
    Path runDir;

    @Option(names = "--checkpoint", paramLabel = "ITERATION|FILE",
            description = "Which checkpoint: an iteration of this run or a checkpoint file. Default: the newest readable one.")
    String checkpoint;

    @Override
    public void run() {
        StoredRun run = StoredRun.open(runDir, root.registry(plugins), List.of(), checkpoint);
        Trainer trainer = run.trainer(root.registry(plugins));
        Map<String, Double> values = trainer.evaluateNow();
        System.out.println("gfn4j: " + run.checkpoint().file() + " (iteration " + run.checkpoint().state().iteration() + ", "
                + run.checkpoint().state().trajectoriesSeen() + " trajectories)");
        Map<String, String> definitions = new java.util.LinkedHashMap<>();
        for (String name : run.config().resolved().getStringList("eval.metrics")) {
            Metric m = root.registry(plugins).find(PluginKind.METRIC, MetricFactory.class, name).create();
            definitions.put(m.name(), m.definition());
        }
        definitions.putAll(trainer.extraDefinitions());
        for (Map.Entry<String, Double> v : values.entrySet()) {
            System.out.printf(Locale.ROOT, "  %-14s %s%n", v.getKey(), Double.isFinite(v.getValue())
                    ? String.format(Locale.ROOT, "%.6g", v.getValue()) : "n/a (not defined for this run: see the definition below)");
            if (definitions.containsKey(v.getKey())) {
                System.out.println("                 " + definitions.get(v.getKey()));
            }
        }
        if (trainer.components().objective().learnsLogPartition()) {
            System.out.printf(Locale.ROOT, "  %-14s %.6g%n", "learned log Z", trainer.logPartition());
        }
    }
}
