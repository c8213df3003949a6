package org.gfn4j.runtime.training;

import java.util.List;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.runtime.config.RunConfig;

/** The {@code train} and {@code eval} sections of a run config, validated. */
public record TrainSettings(long iterations, int batchSize, long seed, double learningRate, double logPartitionLearningRate,
                            double epsilon, int samplerThreads, long evalEvery, List<String> metrics, int maxEvalStates) {

    public static TrainSettings from(RunConfig config) {
        ConfigSection train = config.plain("train");
        ConfigSection eval = config.plain("eval");
        return new TrainSettings(
                train.getLong("iterations", 0, Long.MAX_VALUE),
                train.getInt("batch-size", 1, 1 << 20),
                train.getLong("seed", Long.MIN_VALUE, Long.MAX_VALUE),
                train.getDouble("learning-rate", 0, 10),
                train.getDouble("log-z-learning-rate", 0, 10),
                train.getDouble("epsilon", 0, 1),
                train.getInt("sampler-threads", 1, 256),
                eval.getLong("every", 1, Long.MAX_VALUE),
                eval.getStringList("metrics"),
                eval.getInt("max-states", 1, Integer.MAX_VALUE));
    }
}
