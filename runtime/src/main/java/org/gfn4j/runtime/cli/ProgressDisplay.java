package org.gfn4j.runtime.cli;

import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.gfn4j.api.train.EvaluationRecord;
import org.gfn4j.api.train.IterationRecord;
import org.gfn4j.api.train.RunStart;
import org.gfn4j.api.train.RunSummary;
import org.gfn4j.api.train.TrainingListener;

/** A progress bar on the terminal: iteration, it/s, ETA, latest loss and latest L1. */
final class ProgressDisplay implements TrainingListener {
    private ProgressBar bar;
    private String latestMetric = "";
    private double loss = Double.NaN;

    @Override
    public void onStart(RunStart start) {
        bar = new ProgressBarBuilder()
                .setTaskName("train " + start.objective())
                .setInitialMax(start.iterations())
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .setUnit(" it", 1)
                .showSpeed()
                .build();
    }

    @Override
    public void onIteration(IterationRecord record) {
        loss = record.loss();
        bar.stepTo(record.iteration());
        bar.setExtraMessage((Double.isNaN(loss) ? "" : String.format(Locale.ROOT, "loss %.4g", loss)) + latestMetric);
    }

    @Override
    public void onEvaluation(EvaluationRecord record) {
        Double l1 = record.metrics().get("l1");
        if (l1 != null && Double.isFinite(l1)) {
            latestMetric = String.format(Locale.ROOT, " L1 %.4f", l1);
        }
    }

    @Override
    public void onFinish(RunSummary summary) {
        bar.close();
    }
}
