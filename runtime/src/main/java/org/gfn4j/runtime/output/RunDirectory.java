package org.gfn4j.runtime.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gfn4j.api.InvalidConfigException;
import org.gfn4j.api.train.EvaluationRecord;
import org.gfn4j.api.train.IterationRecord;
import org.gfn4j.api.train.RunStart;
import org.gfn4j.api.train.RunSummary;
import org.gfn4j.api.train.TrainingListener;
import org.gfn4j.runtime.config.RunConfig;

/**
 * A run's folder: {@code config.conf} (every effective value), {@code metrics.csv} (one row per
 * evaluation), {@code events.jsonl} (start, evaluations, stop/resume, finish) and
 * {@code summary.json}. Rows are flushed as they are written, so an interrupted run keeps everything
 * up to its last evaluation. A resumed run ({@link #resume}) drops the rows and events after its
 * checkpoint's iteration and appends from there, so no iteration appears twice.
 */
public final class RunDirectory implements TrainingListener, AutoCloseable {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path path;
    private final List<String> metricNames;
    private final Map<String, String> definitions;
    private BufferedWriter metrics;
    private BufferedWriter events;
    private RunStart start;
    private long resumedFrom = -1;
    private double lossSum;
    private long lossCount;

    private RunDirectory(Path path, List<String> metricNames, Map<String, String> definitions) {
        this.path = path;
        this.metricNames = metricNames;
        this.definitions = definitions;
    }

    /** Creates {@code dir}, or {@code <run.dir>/<name>-<timestamp>} when {@code dir} is null, and writes the config. */
    private static boolean isEmpty(Path folder) {
        try (var entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run directory " + folder, e);
        }
    }

    public static RunDirectory create(Path dir, RunConfig config, List<String> metricNames, Map<String, String> definitions) {
        Path path = dir;
        if (path == null) {
            String name = config.resolved().getString("run.name");
            if (name.isBlank()) {
                name = config.pluginName("env") + "-" + config.pluginName("objective");
            }
            Path parent = Path.of(config.resolved().getString("run.dir"));
            String stamp = LocalDateTime.now().format(STAMP);
            path = parent.resolve(name + "-" + stamp);
            for (int k = 2; Files.exists(path); k++) {
                path = parent.resolve(name + "-" + stamp + "-" + k);
            }
        }
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new InvalidConfigException("--run-dir", path + " is a file, not a folder");
        }
        if (Files.isDirectory(path) && !isEmpty(path)) {
            throw new InvalidConfigException("--run-dir", path + " is not empty: a new run needs an empty or new folder"
                    + " (continue a run with --resume " + path + ")");
        }
        try {
            Files.createDirectories(path);
            writeAtomically(path.resolve("config.conf"), "# the resolved configuration of this run: every effective value\n"
                    + config.render());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run directory " + path, e);
        }
        return new RunDirectory(path, metricNames, definitions);
    }

    /**
     * Reopens the folder of an interrupted run that continues from the checkpoint of iteration
     * {@code checkpointIteration}: rewrites {@code config.conf} (e.g. a raised {@code train.iterations})
     * and removes the rows of {@code metrics.csv} and the evaluation events after that iteration.
     */
    public static RunDirectory resume(Path dir, RunConfig config, List<String> metricNames, Map<String, String> definitions,
                                      long checkpointIteration) {
        try {
            writeAtomically(dir.resolve("config.conf"), "# the resolved configuration of this run: every effective value\n"
                    + config.render());
            truncateAfter(dir.resolve("metrics.csv"), checkpointIteration, true);
            truncateAfter(dir.resolve("events.jsonl"), checkpointIteration, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reopen the run directory " + dir, e);
        }
        RunDirectory d = new RunDirectory(dir, metricNames, definitions);
        d.resumedFrom = checkpointIteration;
        return d;
    }

    /** Keeps the lines of iterations up to {@code iteration} (and every line without one). */
    private static void truncateAfter(Path file, long iteration, boolean csv) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        StringBuilder kept = new StringBuilder();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int k = 0; k < lines.size(); k++) {
            String line = lines.get(k);
            if (line.isBlank()) {
                continue;
            }
            long at = csv ? (k == 0 ? -1 : leadingNumber(line)) : eventIteration(line);
            if (at <= iteration) {
                kept.append(line).append('\n');
            }
        }
        writeAtomically(file, kept.toString());
    }

    private static long leadingNumber(String csvLine) {
        int comma = csvLine.indexOf(',');
        try {
            return Long.parseLong(comma < 0 ? csvLine : csvLine.substring(0, comma));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // a torn last line of a killed run
        }
    }

    private static long eventIteration(String jsonLine) {
        if (!jsonLine.endsWith("}")) {
            return Long.MAX_VALUE; // a torn last line
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"event\":\"evaluation\".*?\"iteration\":(\\d+)")
                .matcher(jsonLine);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    public Path path() {
        return path;
    }

    @Override
    public void onStart(RunStart start) {
        this.start = start;
        try {
            Path csv = path.resolve("metrics.csv");
            String header = "iteration,trajectories,wall_seconds,loss,loss_mean" + (metricNames.isEmpty() ? "" : ","
                    + String.join(",", metricNames));
            if (resumedFrom >= 0 && Files.exists(csv)) {
                List<String> existing = Files.readAllLines(csv, StandardCharsets.UTF_8);
                if (!existing.isEmpty() && !existing.get(0).equals(header)) {
                    throw new IllegalStateException(csv + " has the columns " + existing.get(0) + ", the resumed run writes "
                            + header);
                }
                metrics = Files.newBufferedWriter(csv, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            } else {
                metrics = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                metrics.write(header + "\n");
                metrics.flush();
            }
            events = Files.newBufferedWriter(path.resolve("events.jsonl"), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, resumedFrom >= 0 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("event", resumedFrom >= 0 ? "resume" : "start");
            if (resumedFrom >= 0) {
                e.put("from_iteration", resumedFrom);
            }
            e.put("env", start.environment());
            e.put("objective", start.objective());
            e.put("estimator", start.estimator());
            e.put("iterations", start.iterations());
            e.put("batch_size", start.batchSize());
            e.put("metric_definitions", definitions);
            writeEvent(e);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void onIteration(IterationRecord record) {
        lossSum += record.loss();
        lossCount++;
    }

    @Override
    public void onEvaluation(EvaluationRecord r) {
        try {
            double lossMean = lossCount == 0 ? Double.NaN : lossSum / lossCount;
            lossSum = 0;
            lossCount = 0;
            StringBuilder row = new StringBuilder();
            row.append(r.iteration()).append(',').append(r.trajectoriesSeen()).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", r.wallSeconds())).append(',').append(number(r.loss()))
                    .append(',').append(number(lossMean));
            for (String m : metricNames) {
                row.append(',').append(number(r.metrics().getOrDefault(m, Double.NaN)));
            }
            metrics.write(row.append('\n').toString());
            metrics.flush();
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("event", "evaluation");
            e.put("iteration", r.iteration());
            e.put("trajectories", r.trajectoriesSeen());
            e.put("wall_seconds", r.wallSeconds());
            e.put("loss", r.loss());
            e.put("loss_mean", lossMean);
            e.put("metrics", r.metrics());
            writeEvent(e);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void onFinish(RunSummary summary) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("env", start.environment());
        s.put("objective", start.objective());
        s.put("estimator", start.estimator());
        s.put("iterations", summary.iterations());
        s.put("batch_size", start.batchSize());
        s.put("trajectories", summary.trajectoriesSeen());
        s.put("wall_seconds", summary.wallSeconds());
        for (Map.Entry<String, Double> m : summary.finalMetrics().entrySet()) {
            s.put(m.getKey(), m.getValue());
        }
        s.put("metric_definitions", definitions);
        try {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("event", "finish");
            e.put("wall_seconds", summary.wallSeconds());
            writeEvent(e);
            writeAtomically(path.resolve("summary.json"), Json.render(s) + "\n");
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Records that the run stopped early (Ctrl-C) after {@code iteration}, with the checkpoint to resume from. */
    public void recordStop(long iteration, double wallSeconds) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("event", "stop");
        e.put("iteration", iteration);
        e.put("wall_seconds", wallSeconds);
        e.put("resume_with", "gfn4j train --resume " + path);
        try {
            writeEvent(e);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void writeEvent(Map<String, Object> event) throws IOException {
        events.write(Json.render(event));
        events.write("\n");
        events.flush();
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
    }

    /** Writes to a temporary file and renames it, so a crash never leaves half a file. */
    static void writeAtomically(Path target, String content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() {
        try {
            if (metrics != null) {
                metrics.close();
            }
            if (events != null) {
                events.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
