package org.gfn4j.api.train;

/** Observes a training run: progress displays, log writers, plotters. All methods are optional. */
public interface TrainingListener {

    default void onStart(RunStart start) {
    }

    default void onIteration(IterationRecord record) {
    }

    default void onEvaluation(EvaluationRecord record) {
    }

    default void onFinish(RunSummary summary) {
    }
}
