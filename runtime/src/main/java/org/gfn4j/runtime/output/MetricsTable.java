package org.gfn4j.runtime.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A run's {@code metrics.csv} read back as numbers: one column per name, NaN where a cell is empty. */
public final class MetricsTable {
    /** Columns that are not metrics. */
    public static final List<String> BOOKKEEPING = List.of("iteration", "trajectories", "wall_seconds", "loss", "loss_mean");

    private final List<String> columns;
    private final List<double[]> rows;

    private MetricsTable(List<String> columns, List<double[]> rows) {
        this.columns = columns;
        this.rows = rows;
    }

    public static MetricsTable read(Path csv) {
        try {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return new MetricsTable(List.of(), List.of());
            }
            List<String> columns = List.of(lines.get(0).split(",", -1));
            List<double[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                if (cells.length != columns.size()) {
                    continue; // a torn last line of a killed run
                }
                double[] row = new double[cells.length];
                for (int k = 0; k < cells.length; k++) {
                    row[k] = cells[k].isEmpty() ? Double.NaN : Double.parseDouble(cells[k]);
                }
                rows.add(row);
            }
            return new MetricsTable(columns, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(csv + " holds a cell that is not a number: " + e.getMessage(), e);
        }
    }

    public List<String> columns() {
        return columns;
    }

    public int rowCount() {
        return rows.size();
    }

    public boolean has(String column) {
        return columns.contains(column);
    }

    /** The values of a column, NaN where empty (all NaN for a column the table lacks). */
    public double[] column(String name) {
        int k = columns.indexOf(name);
        double[] values = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            values[r] = k < 0 ? Double.NaN : rows.get(r)[k];
        }
        return values;
    }

    /** The metric columns that hold at least one number. */
    public List<String> metricColumns() {
        List<String> metrics = new ArrayList<>();
        for (String c : columns) {
            if (!BOOKKEEPING.contains(c) && Arrays.stream(column(c)).anyMatch(Double::isFinite)) {
                metrics.add(c);
            }
        }
        return metrics;
    }

    /** The main accuracy metric: exact L1 where present, else the Monte-Carlo L1, else the first metric; null if none. */
    public String primaryMetric() {
        List<String> metrics = metricColumns();
        for (String preferred : List.of("l1", "l1_mc")) {
            if (metrics.contains(preferred)) {
                return preferred;
            }
        }
        return metrics.isEmpty() ? null : metrics.get(0);
    }
}
