package org.gfn4j.runtime.training;

import org.gfn4j.api.InvalidConfigException;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.objective.Objective;
import org.gfn4j.runtime.config.RunConfig;

/**
 * Settings of the balance family and of off-policy training, beside {@link TrainSettings}: the
 * learned backward policy and state-flow network ({@code train.*}), the behaviour policy
 * ({@code sampler { … }}) and the replay buffer ({@code replay { … }}).
 *
 * @param learnBackwardPolicy    learn p_B with its own network instead of using the uniform one
 * @param backwardLearningRate   Adam learning rate of the learned p_B
 * @param flowLearningRate       Adam learning rate of the state-flow network log F(s)
 * @param temperature            logits are divided by it when sampling (behaviour policy only)
 * @param epsilonFinal           ε at the end of the linear schedule
 * @param epsilonDecayIterations length of the linear ε schedule; 0 = constant {@code train.epsilon}
 * @param replayCapacity         trajectories held by the replay buffer; 0 = no replay
 * @param replayFraction         share of each batch drawn from the buffer
 * @param replayPrioritised      keep the best trajectories and draw ∝ r^exponent, instead of FIFO and uniform
 * @param replayPriorityExponent the exponent of prioritised draws
 * @param replayDeduplicate      do not add a trajectory the buffer already holds
 */
public record BalanceTrainingSettings(boolean learnBackwardPolicy, double backwardLearningRate, double flowLearningRate,
                                      double temperature, double epsilonFinal, long epsilonDecayIterations,
                                      int replayCapacity, double replayFraction, boolean replayPrioritised,
                                      double replayPriorityExponent, boolean replayDeduplicate) {

    /** On-policy, uniform p_B, no replay: what a run without these sections does. */
    public static BalanceTrainingSettings defaults() {
        return new BalanceTrainingSettings(false, 1e-3, 1e-3, 1.0, 0.0, 0, 0, 0.0, false, 1.0, true);
    }

    public static BalanceTrainingSettings from(RunConfig config) {
        ConfigSection train = config.plain("train");
        ConfigSection sampler = config.plain("sampler");
        ConfigSection replay = config.plain("replay");
        double fraction = replay.getDouble("fraction", 0, 1);
        if (fraction >= 1) {
            throw replay.bad("fraction", "must be below 1: the buffer is filled by freshly sampled trajectories");
        }
        double temperature = sampler.getPositiveDouble("temperature");
        if (temperature > 1e6) {
            throw sampler.bad("temperature", "must be at most 1e6");
        }
        return new BalanceTrainingSettings(
                train.getBoolean("learn-backward-policy"),
                train.getDouble("backward-learning-rate", 0, 10),
                train.getDouble("flow-learning-rate", 0, 10),
                temperature,
                sampler.getDouble("epsilon-final", 0, 1),
                sampler.getLong("epsilon-decay-iterations", 0, Long.MAX_VALUE),
                replay.getInt("capacity", 0, 1 << 24),
                fraction,
                replay.getBoolean("prioritised"),
                replay.getDouble("priority-exponent", 0, 100),
                replay.getBoolean("deduplicate"));
    }

    /** True when part of each batch comes from the replay buffer. */
    public boolean replays() {
        return replayCapacity > 0 && replayFraction > 0;
    }

    /** Trajectories of a batch of {@code batchSize} drawn from the buffer (once it holds any). */
    public int replayCount(int batchSize) {
        return replays() ? (int) Math.floor(replayFraction * batchSize) : 0;
    }

    /** ε at an iteration (1-based): linear from {@code initial} to epsilonFinal over epsilonDecayIterations. */
    public double epsilon(double initial, long iteration) {
        if (epsilonDecayIterations == 0) {
            return initial;
        }
        double progress = Math.min(1.0, (iteration - 1) / (double) epsilonDecayIterations);
        return initial + (epsilonFinal - initial) * progress;
    }

    /**
     * Refuses combinations the objective cannot honour, naming the key and saying why: divergences
     * are on-policy (ε-greedy at most) with a fixed backward policy (see MATH.md).
     */
    public void validateFor(Objective objective, String objectiveName) {
        if (learnBackwardPolicy && !objective.allowsLearnedBackwardPolicy()) {
            throw new InvalidConfigException("train.learn-backward-policy", "the objective '" + objectiveName
                    + "' needs a fixed backward policy" + (objective.allowsOffPolicySamples()
                    ? " (it does not use one)" : ": a divergence measures the distance to P_B, which must not move")
                    + "; set it to false or choose tb, db, subtb or modified-db");
        }
        if (objective.allowsOffPolicySamples()) {
            return;
        }
        String why = "the objective '" + objectiveName + "' is a divergence whose gradient is an expectation under the"
                + " forward policy itself, so it must be trained on-policy (epsilon-greedy exploration at most, train.epsilon)";
        if (temperature != 1.0) {
            throw new InvalidConfigException("sampler.temperature", why + ": a tempered sampler draws from another"
                    + " distribution; use temperature = 1.0, or a balance objective (tb, db, subtb, fm, modified-db, vargrad)");
        }
        if (replays()) {
            throw new InvalidConfigException("replay.capacity", why + ": replayed trajectories were drawn by older"
                    + " policies; set replay.capacity = 0, or use a balance objective (tb, db, subtb, fm, modified-db, vargrad)");
        }
    }
}
