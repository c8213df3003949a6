package org.gfn4j.runtime.cli;

import java.util.Locale;
import java.util.Map;
import org.gfn4j.api.train.EvaluationRecord;
import org.gfn4j.api.train.RunStart;
import org.gfn4j.api.train.TrainingListener;

/** Progress for logs and pipes: one line per evaluation with iteration, speed, loss and metrics. */
final class EvaluationLines implements TrainingListener {
    private long iterations;

    @Override
    public void onStart(RunStart start) {
        iterations = start.iterations();
    }

    @Override
    public void onEvaluation(EvaluationRecord r) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  iteration %d/%d  %.1f it/s", r.iteration(),
                iterations, r.iteration() / Math.max(r.wallSeconds(), 1e-9)));
        if (!Double.isNaN(r.loss())) {
            line.append(String.format(Locale.ROOT, "  loss %.4g", r.loss()));
        }
        for (Map.Entry<String, Double> m : r.metrics().entrySet()) {
            line.append(String.format(Locale.ROOT, "  %s %.4f", m.getKey(), m.getValue()));
        }
        System.out.println(line);
    }
}
