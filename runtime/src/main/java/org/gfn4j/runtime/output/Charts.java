package org.gfn4j.runtime.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** XChart line charts for run curves, and atomic PNG writing of a grid of charts. */
public final class Charts {
    static final int PANEL_WIDTH = 720;
    static final int PANEL_HEIGHT = 440;

    /** One curve: finite points only are drawn. */
    public record Curve(String name, double[] x, double[] y, boolean markersOnly) {
    }

    static {
        // no temporary cache files: they register a delete-on-exit hook, which fails while a Ctrl-C shutdown runs
        javax.imageio.ImageIO.setUseCache(false);
    }

    private Charts() {
    }

    /**
     * A line chart; the y axis is logarithmic when every drawn value is positive and they span more
     * than a factor of 10 (errors that fall towards 0 read best on a log axis). Null when no curve
     * holds a finite point.
     */
    public static XYChart lines(String title, String xTitle, String yTitle, List<Curve> curves) {
        return lines(title, xTitle, yTitle, curves, PANEL_HEIGHT);
    }

    /** {@link #lines(String, String, String, List)} with a chosen height in pixels. */
    public static XYChart lines(String title, String xTitle, String yTitle, List<Curve> curves, int height) {
        List<Curve> drawn = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Curve c : curves) {
            Curve finite = finite(c);
            if (finite.x().length > 0) {
                drawn.add(finite);
                for (double v : finite.y()) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (drawn.isEmpty()) {
            return null;
        }
        boolean log = min > 0 && max / min > 10;
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle + (log ? " (log scale)" : "")).build();
        chart.getStyler().setYAxisLogarithmic(log);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setLegendVisible(drawn.size() > 1);
        chart.getStyler().setMarkerSize(5);
        chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(16f));
        chart.getStyler().setAxisTitleFont(chart.getStyler().getAxisTitleFont().deriveFont(14f));
        chart.getStyler().setAxisTickLabelsFont(chart.getStyler().getAxisTickLabelsFont().deriveFont(12f));
        chart.getStyler().setXAxisDecimalPattern("#,##0.###");
        if (!log) {
            chart.getStyler().setYAxisDecimalPattern("0.####");
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Curve c : drawn) {
            String name = c.name();
            for (int k = 2; !names.add(name); k++) {
                name = c.name() + " (" + k + ")";
            }
            XYSeries s = chart.addSeries(name, c.x(), c.y());
            if (c.markersOnly()) {
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(SeriesMarkers.CIRCLE);
            } else {
                s.setMarker(c.x().length <= 40 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            }
        }
        return chart;
    }

    private static Curve finite(Curve c) {
        int n = 0;
        for (int k = 0; k < c.x().length; k++) {
            if (Double.isFinite(c.x()[k]) && Double.isFinite(c.y()[k])) {
                n++;
            }
        }
        double[] x = new double[n];
        double[] y = new double[n];
        int j = 0;
        for (int k = 0; k < c.x().length; k++) {
            if (Double.isFinite(c.x()[k]) && Double.isFinite(c.y()[k])) {
                x[j] = c.x()[k];
                y[j++] = c.y()[k];
            }
        }
        return new Curve(c.name(), x, y, c.markersOnly());
    }

    /** Writes the charts, {@code columns} per row, into one PNG: temporary file, then rename. */
    public static void writePng(List<? extends Chart<?, ?>> charts, int columns, Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        int rows = (charts.size() + columns - 1) / columns;
        try (OutputStream out = Files.newOutputStream(tmp)) {
            if (charts.size() == 1) {
                BitmapEncoder.saveBitmap(charts.get(0), out, BitmapEncoder.BitmapFormat.PNG);
            } else {
                BitmapEncoder.saveBitmap(charts, rows, Math.min(columns, charts.size()), out, BitmapEncoder.BitmapFormat.PNG);
            }
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
