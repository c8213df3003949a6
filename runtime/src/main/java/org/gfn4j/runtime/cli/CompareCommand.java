package org.gfn4j.runtime.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gfn4j.api.InvalidConfigException;
import org.gfn4j.runtime.output.Charts;
import org.gfn4j.runtime.output.MetricsTable;
import org.gfn4j.runtime.output.RunPlots;
import org.knowm.xchart.XYChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gfn4j compare}: several runs side by side, as a table and one overlay plot. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare runs: one table of their final and best metrics, one overlay plot of their curves.",
            "The table: env, objective, estimator, iterations, wall time, final and best (lowest) metric. The PNG: the",
            "runs' metric curves overlaid, against iterations and against wall time.",
            "The metric defaults to each run's exact L1, or its Monte-Carlo estimate (l1_mc) where the states cannot be enumerated."})
final class CompareCommand implements Runnable {

    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "Run directories (each holds metrics.csv and config.conf).")
    List<Path> runs;

    @Option(names = "--metric", paramLabel = "NAME", description = "Metric column of metrics.csv to compare in every run, e.g. l1, l1_mc, logz_error. Default: each run's L1.")
    String metric;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", defaultValue = "compare.png",
            description = "Overlay plot to write. Default: ${DEFAULT-VALUE}.")
    Path out;

    /** What one run directory says about itself. */
    record Run(String name, String environment, String objective, String estimator, long plannedIterations, MetricsTable table) {
    }

    @Override
    public void run() {
        List<Run> loaded = new ArrayList<>();
        for (Path dir : runs) {
            loaded.add(load(dir));
        }
        List<String> metrics = new ArrayList<>();
        for (Run r : loaded) {
            // by default each run's accuracy metric: the exact L1, or its Monte-Carlo estimate where states cannot be enumerated
            if (metric != null && !r.table().has(metric)) {
                throw new org.gfn4j.api.InvalidConfigException("--metric", "run " + r.name() + " has no column '" + metric
                        + "'; its metrics.csv has " + String.join(", ", r.table().columns()));
            }
            String m = metric != null ? metric : r.table().primaryMetric();
            metrics.add(m == null ? "l1" : m);
        }
        printTable(loaded, metrics);
        boolean mixed = metrics.stream().distinct().count() > 1;
        String axis = mixed ? "L1 (exact, or Monte-Carlo l1_mc)" : RunPlots.axisTitle(metrics.get(0));
        String title = mixed ? "L1" : metrics.get(0);
        List<Charts.Curve> byIteration = new ArrayList<>();
        List<Charts.Curve> byWall = new ArrayList<>();
        for (int k = 0; k < loaded.size(); k++) {
            Run r = loaded.get(k);
            String label = r.name() + " (" + r.objective() + ("exact".equals(r.estimator()) ? "" : ", " + r.estimator())
                    + (mixed ? "; " + metrics.get(k) : "") + ")";
            byIteration.add(new Charts.Curve(label, r.table().column("iteration"), r.table().column(metrics.get(k)), false));
            byWall.add(new Charts.Curve(label, r.table().column("wall_seconds"), r.table().column(metrics.get(k)), false));
        }
        int height = 460 + 22 * loaded.size();
        XYChart a = Charts.lines(title + " against iterations", "iteration", axis, byIteration, height);
        XYChart b = Charts.lines(title + " against wall time", "wall time (s)", axis, byWall, height);
        if (a == null) {
            System.out.println("gfn4j: no run has a value of " + String.join("/", new java.util.TreeSet<>(metrics))
                    + " yet: no plot written");
            return;
        }
        List<XYChart> charts = new ArrayList<>();
        for (XYChart c : List.of(a, b)) {
            c.getStyler().setLegendVisible(true);
            c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
            c.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Vertical);
            charts.add(c);
        }
        try {
            Charts.writePng(charts, 2, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
        System.out.println("gfn4j: wrote " + out);
    }

    private static void printTable(List<Run> runs, List<String> metrics) {
        int width = Math.max(4, runs.stream().mapToInt(r -> r.name().length()).max().orElse(4));
        String format = "%-" + width + "s  %-10s %-12s %-16s %15s %10s  %-10s %10s %10s%n";
        System.out.printf(Locale.ROOT, format, "run", "env", "objective", "estimator", "iterations", "wall (s)", "metric",
                "final", "best");
        for (int k = 0; k < runs.size(); k++) {
            Run r = runs.get(k);
            double[] values = r.table().column(metrics.get(k));
            double[] iterations = r.table().column("iteration");
            double[] wall = r.table().column("wall_seconds");
            double last = Double.NaN;
            double best = Double.NaN;
            for (double v : values) {
                if (Double.isFinite(v)) {
                    last = v;
                    best = Double.isNaN(best) ? v : Math.min(best, v);
                }
            }
            int rows = r.table().rowCount();
            String done = rows == 0 ? "0" : String.valueOf((long) iterations[rows - 1]);
            if (rows == 0 || (long) iterations[rows - 1] < r.plannedIterations()) {
                done += "/" + r.plannedIterations();
            }
            System.out.printf(Locale.ROOT, format, r.name(), r.environment(), r.objective(), r.estimator(), done,
                    rows == 0 ? "-" : String.format(Locale.ROOT, "%.1f", wall[rows - 1]), metrics.get(k), number(last),
                    number(best));
        }
        System.out.println("(final = at the last evaluation, best = lowest; iterations N/M: the run stopped at N of M;"
                + " l1_mc = Monte-Carlo estimate of L1)");
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.5f", v) : "-";
    }

    private static Run load(Path dir) {
        Path csv = dir.resolve("metrics.csv");
        Path conf = dir.resolve("config.conf");
        if (!Files.isRegularFile(csv) || !Files.isRegularFile(conf)) {
            throw new InvalidConfigException("RUN_DIR", dir + " is not a run directory (it needs metrics.csv and config.conf)");
        }
        Config config = ConfigFactory.parseFile(conf.toFile());
        String objective = config.getString("objective.name");
        String estimator = config.getString("estimator.name");
        Config start = firstEvent(dir.resolve("events.jsonl"));
        if (start != null && start.hasPath("estimator")) {
            estimator = start.getString("estimator"); // "exact" for balance objectives, which ignore the estimator
        }
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return new Run(name == null ? dir.toString() : name.toString(), config.getString("env.name"), objective, estimator,
                config.getLong("train.iterations"), MetricsTable.read(csv));
    }

    private static Config firstEvent(Path events) {
        try {
            if (!Files.isRegularFile(events)) {
                return null;
            }
            try (var lines = Files.lines(events, StandardCharsets.UTF_8)) {
                String first = lines.findFirst().orElse(null);
                return first == null ? null : ConfigFactory.parseString(first, ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ConfigException e) {
            return null;
        }
    }
}
