package org.gfn4j.runtime.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gfn4j.api.InvalidConfigException;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.env.Environment;
import org.gfn4j.api.objective.BalanceObjective;
import org.gfn4j.api.objective.LossGradient;
import org.gfn4j.api.objective.ObjectiveFactory;
import org.gfn4j.api.objective.TrajectoryBatch;
import org.gfn4j.runtime.TestRuns;
import org.gfn4j.runtime.plugin.PluginKind;
import org.gfn4j.runtime.policy.MlpPolicy;
import org.gfn4j.runtime.sampling.ReplayBuffer;
import org.gfn4j.runtime.sampling.Trajectory;
import org.gfn4j.runtime.sampling.TrajectorySampler;
import org.junit.jupiter.api.Test;

/** Off-policy machinery: replay (cases C1, C7), the tempered sampler (C2) and the on-policy rule for divergences. */
class OffPolicyTest {

    /**
     * Case C1: hypergrid 2-D height 8, TB, a replay buffer supplying half the batch. After an
     * optimizer step, each replayed trajectory's log p_F in the batch equals a fresh one-state-at-a-time
     * recomputation with the current parameters, and differs from its value when it was inserted.
     */
    @Test
    void replayedTrajectoriesAreRescoredWithTheCurrentParameters() {
        checkReplay(Hypergrids.of(2, 8));
    }

    private <S> void checkReplay(Environment<S> env) {
        MlpPolicy policy = new MlpPolicy(env.featureSize(), new int[] {32, 32}, env.forwardActionCount(), 3);
        TrainSettings settings = TrainSettings.from(TestRuns.config("train.batch-size=16"));
        BalanceTrainingSettings balance = BalanceTrainingSettings.from(TestRuns.config("replay.capacity=100",
                "replay.fraction=0.5"));
        BatchSource<S> source = new BatchSource<>(env, new TrajectorySampler<>(env, policy, 1, null), settings, balance);
        BatchScorer<S> scorer = new BatchScorer<>(env, policy);
        BalanceObjective tb = objective("tb");
        Adam adam = new Adam(policy.parameterCount(), 1e-2);
        Map<Trajectory<S>, Double> atInsertion = new IdentityHashMap<>();
        int replayedSeen = 0;
        for (long iteration = 1; iteration <= 3; iteration++) {
            List<Trajectory<S>> batch = source.next(iteration);
            assertThat(batch).hasSize(16);
            ScoredBatch scored = scorer.score(batch);
            int fresh = iteration == 1 ? 16 : 8;       // the buffer is empty at the first iteration
            for (int i = 0; i < batch.size(); i++) {
                Trajectory<S> t = batch.get(i);
                double logPF = scored.batch().logPF()[i];
                assertThat(logPF).isCloseTo(BatchScorerTest.bruteForceLogPF(env, policy, t), within(1e-5));
                if (i < fresh) {
                    atInsertion.putIfAbsent(t, logPF);
                } else {
                    replayedSeen++;
                    assertThat(atInsertion).containsKey(t);
                    assertThat(Math.abs(logPF - atInsertion.get(t))).as("replayed trajectory %d", i).isGreaterThan(1e-4);
                }
            }
            LossGradient g = tb.lossAndGradient(scored.batch(), 0.5);
            float[] parameters = policy.parameters();
            adam.step(parameters, scored.gradients(g).policy());
            policy.setParameters(parameters);
        }
        assertThat(replayedSeen).isEqualTo(16);
    }

    /** Case C7: an empty batch cannot be scored; an empty buffer yields nothing, so the batch is all fresh. */
    @Test
    void emptyBatchesAndEmptyBuffers() {
        Environment<?> env = Hypergrids.of(2, 4);
        assertThatThrownBy(() -> new BatchScorer<>(env, new ZeroLogitPolicy(env.featureSize(), env.forwardActionCount()))
                .score(List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        ReplayBuffer<Object> buffer = new ReplayBuffer<>(4, false, 1.0, true);
        assertThat(buffer.sample(8, new SplittableRandom(1))).isEmpty();
    }

    @Test
    void replayBufferDeduplicatesEvictsAndPrioritises() {
        Environment<?> env = Hypergrids.of(2, 4);
        checkBuffer(env);
    }

    private <S> void checkBuffer(Environment<S> env) {
        Trajectory<S> a = BatchScorerTest.build(env, 2);
        Trajectory<S> b = BatchScorerTest.build(env, 0, 2);
        Trajectory<S> c = BatchScorerTest.build(env, 1, 2);
        Trajectory<S> aAgain = BatchScorerTest.build(env, 2);
        ReplayBuffer<S> fifo = new ReplayBuffer<>(2, false, 1.0, true);
        assertThat(fifo.add(a, 0.0)).isTrue();
        assertThat(fifo.add(aAgain, 0.0)).as("duplicate").isFalse();
        fifo.add(b, 0.0);
        fifo.add(c, 0.0);                                   // evicts a, the oldest
        assertThat(fifo.size()).isEqualTo(2);
        assertThat(fifo.sample(200, new SplittableRandom(2))).doesNotContain(a).contains(b, c);
        assertThat(fifo.add(aAgain, 0.0)).as("a left the buffer, so it may come back").isTrue();

        ReplayBuffer<S> best = new ReplayBuffer<>(2, true, 1.0, false);
        best.add(a, Math.log(1.0));
        best.add(b, Math.log(3.0));
        assertThat(best.add(c, Math.log(0.5))).as("worse than everything held").isFalse();
        assertThat(best.add(c, Math.log(9.0))).isTrue();   // replaces a, the lowest reward
        List<Trajectory<S>> drawn = best.sample(20_000, new SplittableRandom(3));
        long fromC = drawn.stream().filter(t -> t == c).count();
        // draws ∝ r: P(c) = 9/12 = 0.75; binomial sd over 20 000 draws is 0.003, so ±0.02 is > 6 sd
        assertThat(fromC / 20_000.0).isCloseTo(0.75, within(0.02));
        assertThat(drawn).doesNotContain(a);
    }

    /** Case C2 for the tempered sampler: the batch carries the policy's own log-probabilities, not the tempered ones. */
    @Test
    void temperatureDoesNotLeakIntoLogProbabilities() {
        checkTemperature(Hypergrids.of(2, 6));
    }

    private <S> void checkTemperature(Environment<S> env) {
        MlpPolicy policy = new MlpPolicy(env.featureSize(), new int[] {16}, env.forwardActionCount(), 9);
        BatchScorerTest.randomise(policy);
        List<Trajectory<S>> sampled = new TrajectorySampler<>(env, policy, 1, null).sample(32, 1, 1, 0.1, 3.0);
        TrajectoryBatch batch = new BatchScorer<>(env, policy).score(sampled).batch();
        for (int i = 0; i < sampled.size(); i++) {
            assertThat(batch.logPF()[i]).isCloseTo(BatchScorerTest.bruteForceLogPF(env, policy, sampled.get(i)), within(1e-6));
        }
    }

    @Test
    void epsilonFollowsItsLinearSchedule() {
        BalanceTrainingSettings s = BalanceTrainingSettings.from(TestRuns.config("sampler.epsilon-final=0.1",
                "sampler.epsilon-decay-iterations=100"));
        assertThat(s.epsilon(0.5, 1)).isEqualTo(0.5);
        assertThat(s.epsilon(0.5, 51)).isCloseTo(0.3, within(1e-12));
        assertThat(s.epsilon(0.5, 101)).isCloseTo(0.1, within(1e-12));
        assertThat(s.epsilon(0.5, 5000)).isCloseTo(0.1, within(1e-12));
        assertThat(BalanceTrainingSettings.from(TestRuns.config()).epsilon(0.2, 77)).isEqualTo(0.2);
    }

    /** Divergences stay on-policy: replay, a tempered sampler or a learned p_B is an error that names the key and says why. */
    @Test
    void divergencesRefuseOffPolicyTraining() {
        assertThatThrownBy(() -> TestRuns.trainer("objective.name=renyi", "replay.capacity=100"))
                .isInstanceOf(InvalidConfigException.class).hasMessageStartingWith("replay.capacity")
                .hasMessageContaining("on-policy").hasMessageContaining("older policies");
        assertThatThrownBy(() -> TestRuns.trainer("objective.name=reverse-kl", "sampler.temperature=2"))
                .isInstanceOf(InvalidConfigException.class).hasMessageStartingWith("sampler.temperature")
                .hasMessageContaining("on-policy");
        assertThatThrownBy(() -> TestRuns.trainer("objective.name=tsallis", "train.learn-backward-policy=true"))
                .isInstanceOf(InvalidConfigException.class).hasMessageStartingWith("train.learn-backward-policy")
                .hasMessageContaining("fixed backward policy");
        assertThatThrownBy(() -> TestRuns.trainer("objective.name=fm", "train.learn-backward-policy=true"))
                .isInstanceOf(InvalidConfigException.class).hasMessageStartingWith("train.learn-backward-policy");
        assertThatThrownBy(() -> TestRuns.trainer("replay.capacity=10", "replay.fraction=1"))
                .isInstanceOf(InvalidConfigException.class).hasMessageStartingWith("replay.fraction");
        assertThatThrownBy(() -> TestRuns.trainer("sampler.temprature=2"))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("sampler.temperature");
        // allowed: ε-greedy with a schedule for a divergence; everything for a balance objective
        TestRuns.trainer("objective.name=renyi", "train.epsilon=0.2", "sampler.epsilon-decay-iterations=10");
        TestRuns.trainer("objective.name=db", "replay.capacity=10", "sampler.temperature=2", "train.learn-backward-policy=true");
    }

    static BalanceObjective objective(String name) {
        ObjectiveFactory f = TestRuns.registry().find(PluginKind.OBJECTIVE, ObjectiveFactory.class, name);
        return (BalanceObjective) f.create(ConfigSection.defaultsOf("objective", f.defaults()));
    }
}
