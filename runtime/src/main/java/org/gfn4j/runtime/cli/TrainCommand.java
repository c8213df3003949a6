package org.gfn4j.runtime.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gfn4j.api.env.ContinuousEnvironment;
import org.gfn4j.api.metric.Metric;
import org.gfn4j.api.metric.MetricFactory;
import org.gfn4j.api.train.RunSummary;
import org.gfn4j.api.train.TrainingListener;
import org.gfn4j.runtime.config.RunConfig;
import org.gfn4j.runtime.evaluation.ContinuousEvaluation;
import org.gfn4j.runtime.output.ContinuousSamplesWriter;
import org.gfn4j.runtime.output.RunDirectory;
import org.gfn4j.runtime.plugin.PluginKind;
import org.gfn4j.runtime.plugin.PluginRegistry;
import org.gfn4j.runtime.training.Trainer;
import org.gfn4j.runtime.wiring.Runs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code gfn4j train}: one training run, written to a run directory. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a GFlowNet. Without options: hypergrid 2-D height 8 with trajectory balance.",
            "Writes runs/<name>-<timestamp>/: config.conf (every effective value), metrics.csv (one row per evaluation),",
            "events.jsonl and summary.json. L1 = sum_x |p_T(x) - pi(x)| (= 2 TV), exact, where the states can be enumerated."})
final class TrainCommand implements Runnable {

    @ParentCommand
    Gfn4jCommand root;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--run-dir", paramLabel = "DIR", description = "Write the run here instead of runs/<name>-<timestamp>/.")
    Path runDir;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Override
    public void run() {
        PluginRegistry registry = root.registry();
        RunConfig config = options.load(registry);
        Trainer trainer = Runs.trainer(config, registry);
        warnAboutIgnoredEstimator(config, trainer);
        Map<String, String> definitions = new LinkedHashMap<>();
        for (String name : config.resolved().getStringList("eval.metrics")) {
            Metric m = registry.find(PluginKind.METRIC, MetricFactory.class, name).create();
            definitions.put(m.name(), m.definition());
        }
        definitions.putAll(trainer.extraDefinitions());
        List<TrainingListener> listeners = new ArrayList<>();
        List<String> columns = new ArrayList<>(trainer.metricNames());
        columns.addAll(trainer.extraDefinitions().keySet());
        try (RunDirectory dir = RunDirectory.create(runDir, config, columns, definitions)) {
            System.out.println("gfn4j: training " + config.pluginName("env") + " with " + config.pluginName("objective")
                    + " -> " + dir.path());
            listeners.add(dir);
            ContinuousSamplesWriter<?> samples = trainer.components().isContinuous()
                    ? samplesWriter(dir.path(), trainer, config) : null;
            if (samples != null) {
                listeners.add(samples);
            }
            if (!quiet) {
                // a redrawn bar only makes sense on a terminal; logs and pipes get one line per evaluation
                listeners.add(System.console() != null ? new ProgressDisplay() : new EvaluationLines());
            }
            RunSummary summary = trainer.train(listeners);
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
