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
import org.gfn4j.api.train.EvaluationRecord;
import org.gfn4j.api.train.IterationRecord;
import org.gfn4j.api.train.RunStart;
import org.gfn4j.api.train.RunSummary;
import org.gfn4j.api.train.TrainingListener;
import org.gfn4j.runtime.config.RunConfig;

/**
 * A run's folder: {@code config.conf} (every effective value), {@code metrics.csv} (one row per
 * evaluation), {@code events.jsonl} (start, evaluations, finish) and {@code summary.json}. Rows are
 * flushed as they are written, so an interrupted run keeps everything up to its last evaluation.
 */
public final class RunDirectory implements TrainingListener, AutoCloseable {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path path;
    private final List<String> metricNames;
    private final Map<String, String> definitions;
    private BufferedWriter metrics;
    private BufferedWriter events;
    private RunStart start;

    private RunDirectory(Path path, List<String> metricNames, Map<String, String> definitions) {
        this.path = path;
        this.metricNames = metricNames;
        this.definitions = definitions;
    }

    /** Creates {@code dir}, or {@code <run.dir>/<name>-<timestamp>} when {@code dir} is null, and writes the config. */
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
        try {
            Files.createDirectories(path);
            writeAtomically(path.resolve("config.conf"), "# the resolved configuration of this run: every effective value\n"
                    + config.render());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run directory " + path, e);
        }
        return new RunDirectory(path, metricNames, definitions);
    }

    public Path path() {
        return path;
    }

    @Override
    public void onStart(RunStart start) {
        this.start = start;
        try {
            metrics = Files.newBufferedWriter(path.resolve("metrics.csv"), StandardCharsets.UTF_8);
            metrics.write("iteration,trajectories,wall_seconds,loss");
            for (String m : metricNames) {
                metrics.write("," + m);
            }
            metrics.write("\n");
            metrics.flush();
            events = Files.newBufferedWriter(path.resolve("events.jsonl"), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("event", "start");
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
    public void onEvaluation(EvaluationRecord r) {
        try {
            StringBuilder row = new StringBuilder();
            row.append(r.iteration()).append(',').append(r.trajectoriesSeen()).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", r.wallSeconds())).append(',').append(number(r.loss()));
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
