package org.gfn4j.runtime.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.gfn4j.api.InvalidConfigException;
import org.gfn4j.api.env.ContinuousEnvironment;
import org.gfn4j.api.metric.Metric;
import org.gfn4j.api.metric.MetricFactory;
import org.gfn4j.api.train.RunSummary;
import org.gfn4j.api.train.TrainingListener;
import org.gfn4j.runtime.config.ResumeCompatibility;
import org.gfn4j.runtime.config.RunConfig;
import org.gfn4j.runtime.output.CheckpointFile;
import org.gfn4j.runtime.output.Checkpoints;
import org.gfn4j.runtime.output.DistributionHeatmaps;
import org.gfn4j.runtime.output.OutputSettings;
import org.gfn4j.runtime.evaluation.ContinuousEvaluation;
import org.gfn4j.runtime.output.ContinuousSamplesWriter;
import org.gfn4j.runtime.output.RunDirectory;
import org.gfn4j.runtime.output.RunPlots;
import org.gfn4j.runtime.plugin.PluginKind;
import org.gfn4j.runtime.plugin.PluginRegistry;
import org.gfn4j.runtime.training.Trainer;
import org.gfn4j.runtime.training.TrainingState;
import org.gfn4j.runtime.wiring.Runs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code gfn4j train}: one training run, written to a run directory; or the continuation of one. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a GFlowNet. Without options: hypergrid 2-D height 8 with trajectory balance.",
            "Writes runs/<name>-<timestamp>/: config.conf (every effective value), metrics.csv (one row per evaluation),",
            "events.jsonl, summary.json, checkpoints/ and plots/. L1 = sum_x |p_T(x) - pi(x)| (= 2 TV), exact, where the",
            "states can be enumerated.",
            "Ctrl-C stops after the current iteration and saves a checkpoint; --resume DIR continues from it."})
final class TrainCommand implements Runnable {

    @ParentCommand
    Gfn4jCommand root;

    @Mixin
    PluginFolderOptions plugins = new PluginFolderOptions();

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--run-dir", paramLabel = "DIR", description = "Write the run here instead of runs/<name>-<timestamp>/.")
    Path runDir;

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = {"Continue an interrupted run from its newest readable checkpoint, with the run's own config.conf.",
                "--set may raise train.iterations or change eval.every, checkpoint.*, plots.*, run.*; nothing else."})
    Path resume;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Override
    public void run() {
        PluginRegistry registry = root.registry(plugins);
        RunConfig config;
        Trainer trainer;
        TrainingState resumed = null;
        if (resume != null) {
            if (options.file != null || runDir != null) {
                throw new InvalidConfigException(options.file != null ? "-c" : "--run-dir",
                        "cannot be combined with --resume: a resumed run uses its own config.conf and folder (change keys with --set)");
            }
            StoredRun stored = StoredRun.open(resume, registry, options.overrides, null);
            config = stored.config();
            resumed = stored.checkpoint().state();
            ResumeCompatibility.check(StoredRun.config(resume, registry, List.of()), config, resumed.iteration());
            trainer = stored.trainer(registry);
            long iterations = config.resolved().getLong("train.iterations");
            if (resumed.iteration() >= iterations) {
                System.out.println("gfn4j: " + resume + " is complete: its checkpoint is at iteration " + resumed.iteration()
                        + " of train.iterations = " + iterations + "; continue longer with --set train.iterations=N");
                return;
            }
            Checkpoints.of(resume).setAsideAfter(resumed.iteration());
        } else {
            config = options.load(registry);
            trainer = Runs.trainer(config, registry);
        }
        if (resumed == null) {
            warnAboutIgnoredEstimator(config, trainer);
        }
        Map<String, String> definitions = new LinkedHashMap<>();
        for (String name : config.resolved().getStringList("eval.metrics")) {
            Metric m = registry.find(PluginKind.METRIC, MetricFactory.class, name).create();
            definitions.put(m.name(), m.definition());
        }
        Map<String, String> extra = trainer.extraDefinitions();
        definitions.putAll(extra);
        List<String> columns = new ArrayList<>(trainer.metricNames());
        columns.addAll(extra.keySet());
        OutputSettings output = OutputSettings.from(config);
        try (RunDirectory dir = resumed == null ? RunDirectory.create(runDir, config, columns, definitions)
                : RunDirectory.resume(resume, config, columns, definitions, resumed.iteration())) {
            System.out.println("gfn4j: " + (resumed == null ? "training " : "resuming at iteration " + resumed.iteration() + ": ")
                    + config.pluginName("env") + " with " + config.pluginName("objective") + " -> " + dir.path());
            List<TrainingListener> listeners = new ArrayList<>();
            listeners.add(dir);
            RunPlots plots = output.plots() ? new RunPlots(dir.path(), trainer.policy(),
                    trainer.components().isContinuous() ? null
                            : DistributionHeatmaps.forEnvironment(trainer.components().discreteEnvironment("heatmaps"),
                                    config.resolved().getInt("eval.max-states")), output.plotsMinSeconds()) : null;
            if (plots != null) {
                listeners.add(plots);
            }
            ContinuousSamplesWriter<?> samples = trainer.components().isContinuous()
                    ? samplesWriter(dir.path(), trainer, config) : null;
            if (samples != null) {
                listeners.add(samples);
            }
            if (!quiet) {
                // a redrawn bar only makes sense on a terminal; logs and pipes get one line per evaluation
                listeners.add(System.console() != null ? new ProgressDisplay() : new EvaluationLines());
            }
            Checkpoints checkpoints = new Checkpoints(dir.path(), output.checkpointEvery(), output.checkpointKeep(),
                    new CheckpointFile.Labels(config.pluginName("env"), config.pluginName("objective"), config.pluginName("policy")));
            RunSummary summary = trainUntilDoneOrStopped(trainer, listeners, checkpoints, dir, plots);
            if (summary == null) {
                return;
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "gfn4j: done: %d iterations in %.1f s",
                    summary.iterations(), summary.wallSeconds()));
            for (Map.Entry<String, Double> m : summary.finalMetrics().entrySet()) {
                if (!m.getValue().isNaN()) {
                    line.append(String.format(Locale.ROOT, ", %s = %.4f", m.getKey(), m.getValue()));
                }
            }
            System.out.println(line);
            for (Map.Entry<String, String> d : definitions.entrySet()) {
                Double value = summary.finalMetrics().get(d.getKey());
                if (value != null && !value.isNaN()) {
                    System.out.println("      (" + d.getValue() + ")");
                }
            }
            if (samples != null && samples.picture() != null) {
                System.out.println("      samples over the target: " + samples.picture());
            }
            System.out.println("      run directory: " + dir.path());
        }
    }

    /**
     * Trains with a shutdown hook that turns Ctrl-C (SIGINT, SIGTERM) into a stop after the current
     * iteration with a checkpoint; the hook holds the JVM until that checkpoint is written.
     *
     * @return the summary, or null when the run was stopped
     */
    private static RunSummary trainUntilDoneOrStopped(Trainer trainer, List<TrainingListener> listeners, Checkpoints checkpoints,
                                                      RunDirectory dir, RunPlots plots) {
        CountDownLatch saved = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            trainer.requestStop();
            try {
                saved.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "gfn4j-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            RunSummary summary = trainer.train(listeners, checkpoints);
            if (!trainer.stopped()) {
                return summary;
            }
            dir.recordStop(summary.iterations(), summary.wallSeconds());
            if (plots != null) {
                plots.draw(summary.iterations());
            }
            System.out.println();
            System.out.println("gfn4j: stopped after iteration " + summary.iterations() + "; checkpoint "
                    + checkpoints.folder().resolve(Checkpoints.fileName(summary.iterations())));
            System.out.println("      continue with: gfn4j train --resume " + dir.path());
            return null;
        } finally {
            saved.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it returns now that the checkpoint is saved
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <S> ContinuousSamplesWriter<S> samplesWriter(Path dir, Trainer trainer, RunConfig config) {
        ContinuousEnvironment<S> env = (ContinuousEnvironment<S>) trainer.components().continuousEnvironment("samples");
        ContinuousEvaluation<S> evaluation = (ContinuousEvaluation<S>) trainer.continuousEvaluation();
        String estimator = trainer.objectiveIsScoreFunction() ? " + " + config.pluginName("estimator") : "";
        return new ContinuousSamplesWriter<>(dir, env, evaluation, trainer.policy(),
                List.of(config.pluginName("env") + " - " + config.pluginName("objective") + estimator, env.toString()));
    }

    private static void warnAboutIgnoredEstimator(RunConfig config, Trainer trainer) {
        if (config.userSet("estimator") && !(trainer.objectiveIsScoreFunction())) {
            System.err.println("gfn4j: note: estimator '" + config.pluginName("estimator") + "' is not used: objective '"
                    + config.pluginName("objective") + "' is a balance loss with an exact gradient");
        }
    }
}
