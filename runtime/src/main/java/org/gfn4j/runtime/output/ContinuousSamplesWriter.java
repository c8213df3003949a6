package org.gfn4j.runtime.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gfn4j.api.env.ContinuousEnvironment;
import org.gfn4j.api.policy.Policy;
import org.gfn4j.api.train.RunSummary;
import org.gfn4j.api.train.TrainingListener;
import org.gfn4j.runtime.evaluation.ContinuousEvaluation;

/**
 * At the end of a run on a continuous environment, writes the final evaluation's model samples:
 * {@code samples.csv} (one x_T per line) and {@code plots/samples.png} (the samples over the
 * target's density, see {@link SamplesPicture}). The samples are those of the run's final
 * evaluation: same stream, same iteration, so the picture shows what the reported JSD measured.
 */
public final class ContinuousSamplesWriter<S> implements TrainingListener {
    private static final int SHOWN = 2000;
    private final Path directory;
    private final ContinuousEnvironment<S> env;
    private final ContinuousEvaluation<S> evaluation;
    private final Policy policy;
    private final List<String> title;
    private Path picture;

    public ContinuousSamplesWriter(Path directory, ContinuousEnvironment<S> env, ContinuousEvaluation<S> evaluation,
                                   Policy policy, List<String> title) {
        this.directory = directory;
        this.env = env;
        this.evaluation = evaluation;
        this.policy = policy;
        this.title = title;
    }

    @Override
    public void onFinish(RunSummary summary) {
        ContinuousEvaluation.Result result = evaluation.evaluate(policy, summary.iterations());
        double[][] points = result.points();
        StringBuilder csv = new StringBuilder();
        for (int k = 0; k < env.actionDimension(); k++) {
            csv.append(k == 0 ? "" : ",").append("x").append(k + 1);
        }
        csv.append('\n');
        for (double[] p : points) {
            for (int k = 0; k < p.length; k++) {
                csv.append(k == 0 ? "" : ",").append(p[k]);
            }
            csv.append('\n');
        }
        try {
            Files.writeString(directory.resolve("samples.csv"), csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (env.actionDimension() != 2) {
            return;
        }
        Map<String, Double> m = result.metrics();
        String numbers = String.format(Locale.ROOT, "iteration %d: jsd = %.4f (%d x %d grid, %d samples)", summary.iterations(),
                m.get("jsd"), evaluation.grid(), evaluation.grid(), evaluation.samples());
        if (m.containsKey("logz_elbo_error")) {
            numbers += String.format(Locale.ROOT, ", logz_elbo_error = %.3f", m.get("logz_elbo_error"));
        }
        picture = directory.resolve("plots").resolve("samples.png");
        List<String> lines = new java.util.ArrayList<>(title);
        lines.add(numbers);
        lines.add(Math.min(SHOWN, points.length) + " model samples (red) over the target density (blue, contours at 1/2, 1/8,"
                + " 1/32, 1/128 of its peak)");
        SamplesPicture.write(picture, env.evaluationBox(), x -> ContinuousEvaluation.logRewardAt(env, x), points, SHOWN, lines);
    }

    /** The picture written at the end, or null before the end (or for points that are not 2-D). */
    public Path picture() {
        return picture;
    }
}
