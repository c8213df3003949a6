package org.gfn4j.runtime.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gfn4j.api.InvalidConfigException;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.estimator.EstimatorFactory;
import org.gfn4j.api.estimator.GradientEstimator;
import org.gfn4j.api.objective.ScoreFunctionObjective;
import org.gfn4j.runtime.config.RunConfig;
import org.gfn4j.runtime.diagnostics.GradientVariance;
import org.gfn4j.runtime.plugin.PluginKind;
import org.gfn4j.runtime.training.RunComponents;
import org.gfn4j.runtime.training.Trainer;
import org.gfn4j.runtime.wiring.Runs;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code gfn4j gradvar}: the paper's variance figure — gradient-estimate variance against batch size. */
@Command(name = "gradvar", mixinStandardHelpOptions = true,
        description = {"Measure the variance of gradient estimators at fixed policy parameters, for a divergence objective:",
            "  gfn4j gradvar --set objective.name=renyi      (also reverse-kl, forward-kl, tsallis; tb has no estimator)",
            "For each batch size and estimator, draw --repeats independent batches (the same batches for every estimator)",
            "and report the trace of the covariance of the parameter-space gradient estimate.",
            "The policy is the configured run's policy after --train-first training iterations (default 200: the paper measures",
            "during training; at a random initialisation the self-normalised Renyi and Tsallis estimates are dominated by",
            "rare trajectories and their variance need not fall with the batch size).",
            "Writes gradvar.csv and gradvar.png into --out."})
final class GradVarCommand implements Runnable {

    @ParentCommand
    Gfn4jCommand root;

    @Mixin
    PluginFolderOptions plugins = new PluginFolderOptions();

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--batch-sizes", split = ",", defaultValue = "2,4,8,16,32,64", description = "Default: ${DEFAULT-VALUE}.")
    List<Integer> batchSizes;

    @Option(names = "--estimators", split = ",", defaultValue = "reinforce,loo,score,loo-score,loo-score-split",
            description = "Default: ${DEFAULT-VALUE}.")
    List<String> estimatorNames;

    @Option(names = "--repeats", defaultValue = "200", description = "Independent batches per batch size (R). Default: ${DEFAULT-VALUE}.")
    int repeats;

    @Option(names = "--train-first", defaultValue = "200", description = "Train this many iterations before measuring. Default: ${DEFAULT-VALUE}.")
    long trainFirst;

    @Option(names = "--out", defaultValue = "gradvar", description = "Output folder. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Override
    public void run() {
        if (repeats < 2) {
            throw new InvalidConfigException("--repeats", "must be at least 2 to estimate a variance, got " + repeats);
        }
        ConfigOptions withBudget = new ConfigOptions();
        withBudget.file = options.file;
        withBudget.overrides = new ArrayList<>(options.overrides);
        withBudget.overrides.add("train.iterations=" + trainFirst);
        withBudget.overrides.add("eval.metrics=[]");
        RunConfig config = withBudget.load(root.registry(plugins));
        Trainer trainer = Runs.trainer(config, root.registry(plugins));
        RunComponents components = trainer.components();
        if (!(components.objective() instanceof ScoreFunctionObjective objective)) {
            throw new InvalidConfigException("objective.name", "gradvar measures divergence estimators; '"
                    + config.pluginName("objective") + "' is a balance loss. Use reverse-kl, forward-kl, renyi or tsallis");
        }
        if (trainFirst > 0) {
            trainer.train(List.of());
        }
        Map<String, GradientEstimator> estimators = new LinkedHashMap<>();
        for (String name : estimatorNames) {
            EstimatorFactory f = root.registry(plugins).find(PluginKind.ESTIMATOR, EstimatorFactory.class, name);
            estimators.put(name, f.create(ConfigSection.defaultsOf("estimator", f.defaults())));
            if (estimators.get(name).minimumBatchSize() > batchSizes.stream().mapToInt(Integer::intValue).min().orElse(2)) {
                throw new InvalidConfigException("--batch-sizes", "estimator '" + name + "' needs batches of at least "
                        + estimators.get(name).minimumBatchSize());
            }
        }
        List<GradientVariance.Row> rows = measure(components, objective, config.resolved().getLong("train.seed"), estimators);
        write(rows, config.pluginName("objective"));
    }

    private <S> List<GradientVariance.Row> measure(RunComponents c, ScoreFunctionObjective objective, long seed,
                                                   Map<String, GradientEstimator> estimators) {
        @SuppressWarnings("unchecked")
        org.gfn4j.api.env.Environment<S> env = (org.gfn4j.api.env.Environment<S>) c.discreteEnvironment("gradvar");
        return new GradientVariance<>(env, c.policy(), objective, seed).measure(batchSizes, repeats, estimators);
    }

    private void write(List<GradientVariance.Row> rows, String objective) {
        try {
            Files.createDirectories(out);
            StringBuilder csv = new StringBuilder("objective,estimator,batch_size,repeats,covariance_trace,mean_gradient_norm_squared\n");
            for (GradientVariance.Row r : rows) {
                csv.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%.6g,%.6g%n", objective, r.estimator(), r.batchSize(),
                        r.repeats(), r.covarianceTrace(), r.meanGradientNormSquared()));
                System.out.printf(Locale.ROOT, "%-12s %-16s N=%-4d trace(Cov) = %.4g%n", objective, r.estimator(),
                        r.batchSize(), r.covarianceTrace());
            }
            Files.writeString(out.resolve("gradvar.csv"), csv.toString());
            XYChart chart = new XYChartBuilder().width(800).height(560)
                    .title("Gradient variance: " + objective + " (" + repeats + " batches per point)")
                    .xAxisTitle("batch size N").yAxisTitle("trace of gradient covariance").build();
            chart.getStyler().setXAxisLogarithmic(true);
            chart.getStyler().setYAxisLogarithmic(true);
            // label every batch size and every power of ten, not only the decades XChart picks
            chart.getStyler().setXAxisLogarithmicDecadeOnly(false);
            chart.getStyler().setYAxisLogarithmicDecadeOnly(false);
            chart.getStyler().setAxisTickLabelsFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12));
            for (String estimator : estimatorNames) {
                List<Double> x = new ArrayList<>();
                List<Double> y = new ArrayList<>();
                for (GradientVariance.Row r : rows) {
                    if (r.estimator().equals(estimator) && r.covarianceTrace() > 0) {
                        x.add((double) r.batchSize());
                        y.add(r.covarianceTrace());
                    }
                }
                if (!x.isEmpty()) {
                    chart.addSeries(estimator, x, y).setMarker(SeriesMarkers.CIRCLE);
                }
            }
            BitmapEncoder.saveBitmap(chart, out.resolve("gradvar.png").toString(), BitmapEncoder.BitmapFormat.PNG);
            System.out.println("wrote " + out.resolve("gradvar.csv") + " and " + out.resolve("gradvar.png"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
