package org.gfn4j.runtime.training;

import java.util.ArrayList;
import java.util.List;
import org.gfn4j.api.env.Environment;
import org.gfn4j.runtime.sampling.RandomStreams;
import org.gfn4j.runtime.sampling.ReplayBuffer;
import org.gfn4j.runtime.sampling.Trajectory;
import org.gfn4j.runtime.sampling.TrajectorySampler;

/**
 * Where each training batch comes from: fresh trajectories from the behaviour policy (the forward
 * policy, tempered and ε-greedy as configured, ε following its schedule) and, with a replay buffer,
 * {@code floor(fraction × batch size)} trajectories replayed from earlier iterations once the buffer
 * holds any. Replayed trajectories are drawn before this iteration's fresh ones are added, so they
 * always come from older policies. Only trajectories travel: the trainer re-scores the whole batch
 * with the current parameters ({@link BatchScorer}), which is what makes replay safe (case C1).
 */
public final class BatchSource<S> {
    private final Environment<S> env;
    private final TrajectorySampler<S> sampler;
    private final TrainSettings settings;
    private final BalanceTrainingSettings balance;
    private final ReplayBuffer<S> replay;

    public BatchSource(Environment<S> env, TrajectorySampler<S> sampler, TrainSettings settings,
                       BalanceTrainingSettings balance) {
        this.env = env;
        this.sampler = sampler;
        this.settings = settings;
        this.balance = balance;
        this.replay = balance.replays() ? new ReplayBuffer<>(balance.replayCapacity(), balance.replayPrioritised(),
                balance.replayPriorityExponent(), balance.replayDeduplicate()) : null;
    }

    /** The replay buffer, or null when the run replays nothing. */
    public ReplayBuffer<S> replayBuffer() {
        return replay;
    }

    /** The batch of an iteration (1-based): fresh trajectories first, then replayed ones. */
    public List<Trajectory<S>> next(long iteration) {
        int batchSize = settings.batchSize();
        int replayed = replay == null || replay.size() == 0 ? 0 : balance.replayCount(batchSize);
        double epsilon = balance.epsilon(settings.epsilon(), iteration);
        List<Trajectory<S>> fresh = sampler.sample(batchSize - replayed, settings.seed(), iteration, epsilon,
                balance.temperature());
        List<Trajectory<S>> batch = new ArrayList<>(fresh);
        if (replay != null) {
            batch.addAll(replay.sample(replayed, RandomStreams.forReplay(settings.seed(), iteration)));
            for (Trajectory<S> t : fresh) {
                replay.add(t, env.logReward(t.terminal()));
            }
        }
        return batch;
    }
}
