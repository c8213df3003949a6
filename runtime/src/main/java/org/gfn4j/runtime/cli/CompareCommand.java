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
        description = {"Compare runs: print one table (final and best metric, iterations, wall time, objective, estimator)",
            "and write one PNG with the runs' metric curves overlaid, against iterations and against wall time.",
            "The metric defaults to the exact L1 where every run has it, else the Monte-Carlo L1 (l1_mc)."})
final class CompareCommand implements Runnable {

    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "Run directories (each holds metrics.csv and config.conf).")
    List<Path> runs;

    @Option(names = "--metric", paramLabel = "NAME", description = "Metric column of metrics.csv to compare, e.g. l1, l1_mc, logz_error.")
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
        String chosen = metric != null ? metric : defaultMetric(loaded);
        if (chosen == null) {
            throw new InvalidConfigException("--metric", "the runs share no metric column with values; name one with --metric");
        }
        printTable(loaded, chosen);
        List<Charts.Curve> byIteration = new ArrayList<>();
        List<Charts.Curve> byWall = new ArrayList<>();
        for (Run r : loaded) {
            String label = r.name() + " (" + r.objective() + ("exact".equals(r.estimator()) ? "" : ", " + r.estimator()) + ")";
            byIteration.add(new Charts.Curve(label, r.table().column("iteration"), r.table().column(chosen), false));
            byWall.add(new Charts.Curve(label, r.table().column("wall_seconds"), r.table().column(chosen), false));
        }
        List<XYChart> charts = new ArrayList<>();
        XYChart a = Charts.lines(chosen + " against iterations", "iteration", RunPlots.axisTitle(chosen), byIteration, 460 + 22 * loaded.size());
        XYChart b = Charts.lines(chosen + " against wall time", "wall time (s)", RunPlots.axisTitle(chosen), byWall, 460 + 22 * loaded.size());
        if (a == null) {
            System.out.println("gfn4j: no run has a value of " + chosen + " yet: no plot written");
            return;
        }
        for (XYChart c : List.of(a, b)) {
            c.getStyler().setChartTitleVisible(true);
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

    private static String defaultMetric(List<Run> runs) {
        for (String candidate : List.of("l1", "l1_mc")) {
            if (runs.stream().allMatch(r -> r.table().metricColumns().contains(candidate))) {
                return candidate;
            }
        }
        return runs.get(0).table().primaryMetric();
    }

    private static void printTable(List<Run> runs, String metric) {
        int width = Math.max(4, runs.stream().mapToInt(r -> r.name().length()).max().orElse(4));
        String format = "%-" + width + "s  %-10s %-12s %-16s %15s %10s %12s %12s%n";
        System.out.printf(Locale.ROOT, format, "run", "env", "objective", "estimator", "iterations", "wall (s)",
                "final " + metric, "best " + metric);
        for (Run r : runs) {
            double[] values = r.table().column(metric);
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
                    rows == 0 ? "-" : String.format(Locale.ROOT, "%.1f", wall[rows - 1]), number(last), number(best));
        }
        System.out.println("(best = lowest; iterations N/M: the run stopped at N of M)");
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
