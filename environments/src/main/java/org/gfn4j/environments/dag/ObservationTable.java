package org.gfn4j.environments.dag;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Continuous observations for structure learning: one row per sample, one column per variable.
 *
 * @param variables the variable names (from the CSV header, or X0, X1 … when there is none)
 * @param rows      the samples, each with one value per variable
 */
public record ObservationTable(List<String> variables, double[][] rows) {

    public ObservationTable {
        variables = List.copyOf(variables);
        for (double[] row : rows) {
            if (row.length != variables.size()) {
                throw new IllegalArgumentException("a row has " + row.length + " values for " + variables.size() + " variables");
            }
        }
    }

    public int variableCount() {
        return variables.size();
    }

    public int sampleCount() {
        return rows.length;
    }

    /** Default names X0 .. X{n−1}. */
    public static List<String> defaultNames(int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add("X" + i);
        }
        return names;
    }

    /**
     * Reads a comma-separated file of numbers. The first line is a header of variable names when
     * any of its fields is not a number. Blank lines and lines starting with '#' are skipped.
     *
     * @throws IllegalArgumentException naming the file, the line and what was expected
     */
    public static ObservationTable readCsv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return parseCsv(lines, file.toString());
    }

    static ObservationTable parseCsv(List<String> lines, String source) {
        List<String> names = null;
        List<double[]> rows = new ArrayList<>();
        int width = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int lineNumber = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (width < 0) {
                width = fields.length;
                if (!allNumbers(fields)) {
                    names = new ArrayList<>();
                    for (String f : fields) {
                        names.add(f.strip().replaceAll("^\"|\"$", ""));
                    }
                    continue;
                }
            }
            if (fields.length != width) {
                throw new IllegalArgumentException(source + " line " + lineNumber + ": expected " + width
                        + " comma-separated values (as on the first line), found " + fields.length);
            }
            double[] row = new double[width];
            for (int c = 0; c < width; c++) {
                String f = fields[c].strip();
                try {
                    row[c] = Double.parseDouble(f);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(source + " line " + lineNumber + ", column " + (c + 1)
                            + ": expected a number, found '" + f + "'");
                }
                if (!Double.isFinite(row[c])) {
                    throw new IllegalArgumentException(source + " line " + lineNumber + ", column " + (c + 1)
                            + ": expected a finite number, found '" + f + "'");
                }
            }
            rows.add(row);
        }
        if (rows.size() < 2) {
            throw new IllegalArgumentException(source + ": expected at least 2 rows of numbers, found " + rows.size());
        }
        return new ObservationTable(names != null ? names : defaultNames(width), rows.toArray(new double[0][]));
    }

    private static boolean allNumbers(String[] fields) {
        for (String f : fields) {
            try {
                Double.parseDouble(f.strip());
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }
}
