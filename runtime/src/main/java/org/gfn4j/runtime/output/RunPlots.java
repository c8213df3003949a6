package org.gfn4j.runtime.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gfn4j.api.policy.Policy;
import org.gfn4j.api.train.EvaluationRecord;
import org.gfn4j.api.train.RunStart;
import org.gfn4j.api.train.RunSummary;
import org.gfn4j.api.train.TrainingListener;
import org.knowm.xchart.XYChart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's plots, redrawn from {@code metrics.csv} as the run goes (at an evaluation when at least
 * {@code minSeconds} passed since the last drawing, and always at the end), each PNG written
 * atomically into {@code plots/}:
 * <ul>
 *   <li>{@code curves.png}: the accuracy metric (exact L1, else the Monte-Carlo L1) and the loss
 *       against iterations (left) and wall time (right); further metrics such as the log Z error in
 *       a third row;</li>
 *   <li>{@code distribution.png}, for 2-D grids: the learned terminal distribution beside the target.</li>
 * </ul>
 * Must come after the {@link RunDirectory} in the listener list, which writes the rows it reads.
 * A plot that fails to draw is logged and skipped: plots never stop a run.
 */
public final class RunPlots implements TrainingListener {
    private static final Logger LOG = LoggerFactory.getLogger(RunPlots.class);
    private static final Map<String, String> AXIS = Map.of(
            "l1", "L1 = sum_x |p_T(x) - pi(x)|  (0 to 2)",
            "l1_mc", "Monte-Carlo estimate of L1 (0 to 2)",
            "logz_error", "|learned log Z - log Z|");
    private static final Map<String, String> TITLE = Map.of("l1", "L1", "l1_mc", "Monte-Carlo L1", "logz_error", "log Z error");

    private final Path runDirectory;
    private final Policy policy;
    private final DistributionHeatmaps<?> heatmaps;
    private final double minSeconds;
    private String objective = "";
    private long lastDrawn = Long.MIN_VALUE;
    private long lastIteration = -1;

    /** @param heatmaps null where the environment is not a 2-D grid */
    public RunPlots(Path runDirectory, Policy policy, DistributionHeatmaps<?> heatmaps, double minSeconds) {
        this.runDirectory = runDirectory;
        this.policy = policy;
        this.heatmaps = heatmaps;
        this.minSeconds = minSeconds;
    }

    public Path folder() {
        return runDirectory.resolve("plots");
    }

    @Override
    public void onStart(RunStart start) {
        objective = start.objective() + ("exact".equals(start.estimator()) ? "" : ", " + start.estimator());
    }

    @Override
    public void onEvaluation(EvaluationRecord record) {
        lastIteration = record.iteration();
        if (System.nanoTime() - lastDrawn >= minSeconds * 1e9) {
            draw(record.iteration());
        }
    }

    @Override
    public void onFinish(RunSummary summary) {
        draw(summary.iterations());
    }

    /** Draws every plot now (also called when a run stops early). */
    public void draw(long iteration) {
        lastDrawn = System.nanoTime();
        try {
            writeCurves(MetricsTable.read(runDirectory.resolve("metrics.csv")), objective, folder().resolve("curves.png"));
            if (heatmaps != null) {
                heatmaps.write(policy, iteration, folder().resolve("distribution.png"));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot draw the plots of {}: {}", runDirectory, e.toString());
        }
    }

    /** Last iteration seen at an evaluation, -1 before the first. */
    public long lastEvaluatedIteration() {
        return lastIteration;
    }

    /** A readable axis title for a metric column. */
    public static String axisTitle(String metric) {
        return AXIS.getOrDefault(metric, metric);
    }

    /** Metric and loss against iterations and wall time, from a metrics table. */
    public static void writeCurves(MetricsTable table, String objective, Path target) throws IOException {
        double[] iterations = table.column("iteration");
        double[] wall = table.column("wall_seconds");
        List<XYChart> charts = new ArrayList<>();
        List<String> metrics = new ArrayList<>(table.metricColumns());
        String primary = table.primaryMetric();
        if (primary != null) {
            metrics.remove(primary);
            metrics.add(0, primary);
        }
        for (String metric : metrics) {
            String axis = AXIS.getOrDefault(metric, metric);
            List<Charts.Curve> curve = List.of(new Charts.Curve(metric, iterations, table.column(metric), false));
            String title = TITLE.getOrDefault(metric, metric);
            charts.add(Charts.lines(title + " against iterations", "iteration", axis, curve));
            charts.add(Charts.lines(title + " against wall time", "wall time (s)", axis,
                    List.of(new Charts.Curve(metric, wall, table.column(metric), false))));
            if (metric.equals(primary)) {
                addLoss(table, objective, iterations, wall, charts);
            }
        }
        if (primary == null) {
            addLoss(table, objective, iterations, wall, charts);
        }
        charts.removeIf(c -> c == null);
        if (!charts.isEmpty()) {
            Charts.writePng(charts, 2, target);
        }
    }

    private static void addLoss(MetricsTable table, String objective, double[] iterations, double[] wall, List<XYChart> charts) {
        String axis = "loss (" + objective + ")";
        for (boolean againstWall : new boolean[] {false, true}) {
            double[] x = againstWall ? wall : iterations;
            charts.add(Charts.lines("loss against " + (againstWall ? "wall time" : "iterations"),
                    againstWall ? "wall time (s)" : "iteration", axis, List.of(
                            new Charts.Curve("mean over the iterations since the previous evaluation", x,
                                    table.column("loss_mean"), false),
                            new Charts.Curve("batch loss at the evaluated iteration", x, table.column("loss"), true))));
        }
    }
}
