package org.gfn4j.runtime.output;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gfn4j.api.env.Enumerable;
import org.gfn4j.api.env.Environment;
import org.gfn4j.api.env.GridLayout;
import org.gfn4j.api.metric.TerminalDistributions;
import org.gfn4j.api.policy.Policy;
import org.gfn4j.runtime.evaluation.ExactEvaluator;
import org.gfn4j.runtime.evaluation.StateSpaceTooLargeException;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/**
 * The learned terminal distribution p_T(x) beside the target π(x) = r(x)/Z as two heatmaps on one
 * colour scale, for environments whose terminal objects are the cells of a 2-D grid
 * ({@link GridLayout}) and can be enumerated. p_T is exact (the same dynamic programming as the L1).
 */
public final class DistributionHeatmaps<S> {
    private static final Color[] SCALE = {new Color(255, 255, 255), new Color(198, 219, 239), new Color(107, 174, 214),
        new Color(66, 146, 198), new Color(33, 113, 181)};
    private final GridLayout<S> layout;
    private final ExactEvaluator<S> evaluator;
    private final int[] shape;

    private DistributionHeatmaps(GridLayout<S> layout, ExactEvaluator<S> evaluator) {
        this.layout = layout;
        this.evaluator = evaluator;
        this.shape = layout.gridShape();
    }

    /** Heatmaps for a 2-D grid environment with at most {@code maxStates} states; null for any other. */
    @SuppressWarnings("unchecked")
    public static <S> DistributionHeatmaps<S> forEnvironment(Environment<S> env, int maxStates) {
        if (!(env instanceof GridLayout<?> grid) || !(env instanceof Enumerable<?>) || grid.gridShape().length != 2) {
            return null;
        }
        try {
            return new DistributionHeatmaps<>((GridLayout<S>) grid, ExactEvaluator.build(env, maxStates));
        } catch (StateSpaceTooLargeException e) {
            return null;
        }
    }

    /** Writes the two heatmaps side by side into {@code target}. */
    public void write(Policy policy, long iteration, Path target) throws IOException {
        TerminalDistributions d = evaluator.evaluate(policy, Double.NaN);
        double max = 0;
        double l1 = 0;
        for (int x = 0; x < d.model().length; x++) {
            max = Math.max(max, Math.max(d.model()[x], d.target()[x]));
            l1 += Math.abs(d.model()[x] - d.target()[x]);
        }
        if (max > 0) {
            // a round top of the colour scale (2 significant digits, rounded up), so the legend reads 0.12, not 0.11647350436
            max = new java.math.BigDecimal(max).round(new java.math.MathContext(2, java.math.RoundingMode.UP)).doubleValue();
        }
        List<HeatMapChart> charts = List.of(
                chart(String.format(Locale.ROOT, "learned p_T(x), iteration %d (L1 = %.4f)", iteration, l1), d.model(), max),
                chart("target pi(x) = r(x) / Z", d.target(), max));
        Charts.writePng(charts, 2, target);
    }

    private HeatMapChart chart(String title, double[] probabilities, double max) {
        HeatMapChart chart = new HeatMapChartBuilder().width(Charts.PANEL_WIDTH).height(Charts.PANEL_HEIGHT + 80).title(title)
                .xAxisTitle("x[0] (grid coordinate)").yAxisTitle("x[1] (grid coordinate)").build();
        List<Integer> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        for (int k = 0; k < shape[0]; k++) {
            xs.add(k);
        }
        for (int k = 0; k < shape[1]; k++) {
            ys.add(k);
        }
        List<Number[]> cells = new ArrayList<>();
        List<S> terminals = evaluator.terminals();
        for (int x = 0; x < terminals.size(); x++) {
            int[] cell = layout.gridCell(terminals.get(x));
            cells.add(new Number[] {cell[0], cell[1], probabilities[x]});
        }
        chart.addSeries("probability", xs, ys, cells);
        chart.getStyler().setMin(0);
        chart.getStyler().setMax(max);
        chart.getStyler().setRangeColors(SCALE);
        chart.getStyler().setShowValue(shape[0] <= 10 && shape[1] <= 10);
        chart.getStyler().setHeatMapValueDecimalPattern("0.000");
        chart.getStyler().setHeatMapDecimalValueFormatter(v -> String.format(Locale.ROOT, "%.3f", v));
        chart.getStyler().setValueFont(chart.getStyler().getValueFont().deriveFont(12f));
        chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(15f));
        chart.getStyler().setAxisTitleFont(chart.getStyler().getAxisTitleFont().deriveFont(13f));
        if (shape[0] > 16) {
            chart.getStyler().setXAxisTickMarkSpacingHint(60);
        }
        return chart;
    }
}
