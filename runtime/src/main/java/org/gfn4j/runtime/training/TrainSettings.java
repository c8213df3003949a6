package org.gfn4j.runtime.training;

import java.util.List;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.runtime.config.RunConfig;

/** The {@code train} and {@code eval} sections of a run config, validated. */
public record TrainSettings(long iterations, int batchSize, long seed, double learningRate, double logPartitionLearningRate,
                            double logPartitionInit, double epsilon, int samplerThreads, long evalEvery, List<String> metrics, int maxEvalStates,
                            int monteCarloSamples, int monteCarloBackward) {

    /** NaN stands for "batch": initialise from the first batch. */
    private static double logPartitionInit(ConfigSection train) {
        if (train.config().getValue("log-z-init").unwrapped() instanceof Number) {
            return train.getDouble("log-z-init", -1e12, 1e12);
        }
        train.getChoice("log-z-init", List.of("batch"));
        return Double.NaN;
    }

    public static TrainSettings from(RunConfig config) {
        ConfigSection train = config.plain("train");
        ConfigSection eval = config.plain("eval");
        return new TrainSettings(
                train.getLong("iterations", 0, Long.MAX_VALUE),
                train.getInt("batch-size", 1, 1 << 20),
                train.getLong("seed", Long.MIN_VALUE, Long.MAX_VALUE),
                train.getDouble("learning-rate", 0, 10),
                train.getDouble("log-z-learning-rate", 0, 10),
                logPartitionInit(train),
                train.getDouble("epsilon", 0, 1),
                train.getInt("sampler-threads", 1, 256),
                eval.getLong("every", 1, Long.MAX_VALUE),
                eval.getStringList("metrics"),
                eval.getInt("max-states", 1, Integer.MAX_VALUE),
                eval.getInt("mc-samples", 0, 1 << 20),
                eval.getInt("mc-backward", 1, 1 << 16));
    }
}
