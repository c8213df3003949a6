package org.gfn4j.runtime.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gfn4j.api.train.IterationRecord;
import org.gfn4j.api.train.TrainingListener;
import org.gfn4j.runtime.TestRuns;
import org.gfn4j.runtime.training.Trainer;
import org.gfn4j.runtime.training.TrainingState;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Checkpoints: a resumed run is the uninterrupted run, bit for bit; damaged files are skipped. */
class CheckpointResumeTest {
    private static final CheckpointFile.Labels LABELS = new CheckpointFile.Labels("hypergrid", "tb", "mlp");

    private static String[] continuousConfig(String objective) {
        return new String[] {"env.name=gaussian-mixture", "policy.hidden=[16,16]", "train.iterations=60", "eval.every=30",
            "eval.jsd-samples=500", "eval.metrics=[]", "train.batch-size=8", "train.seed=3", "objective.name=" + objective,
            "estimator.name=loo-score"};
    }

    /** {@code objective} may carry extra overrides after a space, e.g. "tb train.learn-backward-policy=true". */
    private static String[] config(String objective) {
        String[] parts = objective.split(" ");
        List<String> overrides = new ArrayList<>(List.of("env.height=6", "policy.hidden=[16,16]", "train.iterations=60",
                "eval.every=30", "train.seed=3", "objective.name=" + parts[0], "estimator.name=loo-score"));
        overrides.addAll(List.of(parts).subList(1, parts.length));
        return overrides.toArray(new String[0]);
    }

    /**
     * 30 iterations, stop (as Ctrl-C asks), checkpoint to disk, a fresh trainer restored from the
     * file, 30 more: the same parameters, log Z and per-iteration losses as 60 uninterrupted ones.
     * Trajectory balance learns log Z with its own Adam; Rényi goes through the estimator; detailed
     * balance trains a state-flow network and TB with a learned backward policy a second network,
     * whose parameters and optimizer states the checkpoint carries too.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tb", "renyi", "db", "tb train.learn-backward-policy=true"})
    void resumedRunEqualsUninterruptedRun(String objective, @TempDir Path dir) throws IOException {
        assertResumeEqualsUninterrupted(config(objective), dir);
    }

    /** The same on the continuous path (Gaussian head, Brownian-bridge backward kernel). */
    @ParameterizedTest
    @ValueSource(strings = {"tb", "forward-kl"})
    void resumedContinuousRunEqualsUninterruptedRun(String objective, @TempDir Path dir) throws IOException {
        assertResumeEqualsUninterrupted(continuousConfig(objective), dir);
    }

    private static void assertResumeEqualsUninterrupted(String[] config, Path dir) throws IOException {
        Trainer uninterrupted = TestRuns.trainer(config);
        List<Double> expectedLosses = new ArrayList<>();
        uninterrupted.train(List.of(lossesInto(expectedLosses)));

        Trainer first = TestRuns.trainer(config);
        Checkpoints checkpoints = new Checkpoints(dir, 0, 3, LABELS);
        List<Double> losses = new ArrayList<>();
        first.train(List.of(lossesInto(losses), new TrainingListener() {
            @Override
            public void onIteration(IterationRecord record) {
                if (record.iteration() == 30) {
                    first.requestStop();
                }
            }
        }), checkpoints);
        assertThat(first.stopped()).isTrue();
        assertThat(first.iteration()).isEqualTo(30);

        Checkpoints.Loaded loaded = checkpoints.latest(w -> { throw new AssertionError(w); }).orElseThrow();
        assertThat(loaded.file().getFileName().toString()).isEqualTo("iteration-0000000030.ckpt");
        Trainer second = TestRuns.trainer(config);
        second.restore(loaded.state());
        second.train(List.of(lossesInto(losses)), checkpoints);

        assertThat(second.stopped()).isFalse();
        assertThat(losses).isEqualTo(expectedLosses);
        assertThat(second.policy().parameters()).containsExactly(uninterrupted.policy().parameters());
        assertThat(second.logPartition()).isEqualTo(uninterrupted.logPartition());
        assertThat(second.evaluateNow()).isEqualTo(uninterrupted.evaluateNow());
        assertThat(checkpoints.list()).extracting(p -> p.getFileName().toString())
                .containsExactly("iteration-0000000030.ckpt", "iteration-0000000060.ckpt");
    }

    @Test
    void fileRoundTripIsExact(@TempDir Path dir) throws IOException {
        TrainingState state = state(7);
        Path file = dir.resolve("c.ckpt");
        CheckpointFile.write(file, state, LABELS);
        TrainingState read = CheckpointFile.read(file);
        assertThat(read.iteration()).isEqualTo(7);
        assertThat(read.trajectoriesSeen()).isEqualTo(state.trajectoriesSeen());
        assertThat(read.parameters()).containsExactly(state.parameters());
        assertThat(read.logPartition()).isEqualTo(state.logPartition());
        assertThat(read.policyOptimizer().firstMoment()).containsExactly(state.policyOptimizer().firstMoment());
        assertThat(read.policyOptimizer().secondMoment()).containsExactly(state.policyOptimizer().secondMoment());
        assertThat(read.policyOptimizer().step()).isEqualTo(state.policyOptimizer().step());
        assertThat(read.logPartitionOptimizer().firstMoment()).containsExactly(state.logPartitionOptimizer().firstMoment());
        assertThat(read.logPartitionOptimizer().step()).isEqualTo(state.logPartitionOptimizer().step());
        // the header is readable JSON right after the magic and version
        String head = new String(Files.readAllBytes(file), 0, 200, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(head).startsWith("GFN4JCKP").contains("\"format\":\"gfn4j-checkpoint\"");
        assertThat(dir.resolve("c.ckpt.tmp")).doesNotExist();
    }

    @Test
    void truncatedCheckpointIsReportedAndThePreviousOneIsUsed(@TempDir Path dir) throws IOException {
        Checkpoints checkpoints = new Checkpoints(dir, 10, 5, LABELS);
        checkpoints.save(state(10));
        checkpoints.save(state(20));
        Path newest = checkpoints.folder().resolve(Checkpoints.fileName(20));
        byte[] bytes = Files.readAllBytes(newest);
        Files.write(newest, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        List<String> warnings = new ArrayList<>();
        Checkpoints.Loaded loaded = checkpoints.latest(warnings::add).orElseThrow();
        assertThat(loaded.state().iteration()).isEqualTo(10);
        assertThat(warnings).singleElement().asString().contains("iteration-0000000020.ckpt is damaged")
                .contains("truncated").contains("using the previous one");
        assertThatThrownBy(() -> CheckpointFile.read(newest)).isInstanceOf(CheckpointFile.DamagedCheckpointException.class);
    }

    @Test
    void alteredCheckpointFailsItsChecksum(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("c.ckpt");
        CheckpointFile.write(file, state(5), LABELS);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 20] ^= 1;
        Files.write(file, bytes);
        assertThatThrownBy(() -> CheckpointFile.read(file)).hasMessageContaining("CRC-32 mismatch");
        Files.write(file, "not a checkpoint at all".getBytes());
        assertThatThrownBy(() -> CheckpointFile.read(file)).hasMessageContaining("magic");
    }

    @Test
    void onlyTheNewestCheckpointsAreKept(@TempDir Path dir) {
        Checkpoints checkpoints = new Checkpoints(dir, 10, 2, LABELS);
        for (long i = 10; i <= 40; i += 10) {
            checkpoints.save(state(i));
        }
        assertThat(checkpoints.list()).extracting(p -> p.getFileName().toString())
                .containsExactly("iteration-0000000030.ckpt", "iteration-0000000040.ckpt");
        assertThat(checkpoints.due(15, false)).isFalse();
        assertThat(checkpoints.due(20, false)).isTrue();
        assertThat(checkpoints.due(15, true)).isTrue();
        assertThat(new Checkpoints(dir, 0, 2, LABELS).due(20, false)).isFalse();
    }

    private static TrainingState state(long iteration) {
        float[] parameters = {1.5f, -2.25f, Float.MIN_VALUE, 3e-8f, (float) iteration};
        return new TrainingState(iteration, iteration * 16, iteration * 0.5, parameters, Math.PI + iteration,
                new org.gfn4j.runtime.training.Adam.State(new double[] {0.1, -1e-300, 2, 3, 4}, new double[] {1, 2, 3, 4, 5e-17}, iteration),
                new org.gfn4j.runtime.training.Adam.State(new double[] {0.125}, new double[] {1e-9}, iteration));
    }

    private static TrainingListener lossesInto(List<Double> losses) {
        return new TrainingListener() {
            @Override
            public void onIteration(IterationRecord record) {
                losses.add(record.loss());
            }
        };
    }
}
