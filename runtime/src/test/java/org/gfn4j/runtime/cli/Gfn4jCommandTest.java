package org.gfn4j.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes, messages, and the files a run leaves. */
class Gfn4jCommandTest {

    private static CommandLineRun run(String... args) {
        return CommandLineRun.of(args);
    }

    @Test
    void unknownObjectiveExitsWithTwoAndListsTheValidNames() {
        CommandLineRun r = run("train", "--set", "objective.name=nope");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("objective.name").contains("nope").contains("tb").contains("renyi")
                .contains("reverse-kl").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void misspelledKeyExitsWithTwoAndNamesTheNearestKey() {
        CommandLineRun r = run("train", "--set", "train.batchsize=8");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("train.batchsize").contains("train.batch-size");
    }

    @Test
    void trainWritesTheRunDirectory(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        CommandLineRun r = run("train", "-q", "--run-dir", run.toString(), "--set", "train.iterations=20", "--set", "eval.every=10",
                "--set", "policy.hidden=[16]", "--set", "env.height=4");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("l1 = ").contains("2 TV");
        assertThat(Files.readString(run.resolve("config.conf"))).contains("height=4").contains("hidden").contains("seed");
        assertThat(Files.readAllLines(run.resolve("metrics.csv")))
                .first().isEqualTo("iteration,trajectories,wall_seconds,loss,loss_mean,l1,logz_error");
        assertThat(Files.readAllLines(run.resolve("metrics.csv"))).hasSize(4); // header, iterations 0, 10, 20
        String summary = Files.readString(run.resolve("summary.json"));
        assertThat(summary).contains("\"env\":\"hypergrid\"").contains("\"objective\":\"tb\"").contains("\"l1\":")
                .contains("\"iterations\":20").contains("\"wall_seconds\":");
        assertThat(Files.readAllLines(run.resolve("events.jsonl"))).hasSize(5); // start, 3 evaluations, finish
    }

    /** A run folder is never reused: mixing two runs' checkpoints would make eval and resume lie. */
    @Test
    void aRunDirectoryThatHoldsARunIsRefused(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        String[] small = {"train", "-q", "--run-dir", run.toString(), "--set", "train.iterations=5", "--set", "eval.every=5",
            "--set", "policy.hidden=[8]", "--set", "env.height=3"};
        assertThat(run(small).exitCode()).isZero();
        CommandLineRun again = run(small);
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("--run-dir").contains("not empty").contains("--resume");
        Files.writeString(dir.resolve("file"), "x");
        assertThat(run("train", "-q", "--run-dir", dir.resolve("file").toString()).err()).contains("is a file");
    }

    @Test
    void aFractionalSeedIsRefused() {
        CommandLineRun r = run("train", "--set", "train.seed=3.5");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("train.seed").contains("integer");
    }

    @Test
    void pluginsListsEveryKindWithItsModule() {
        CommandLineRun r = run("plugins");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("hypergrid").contains("org.gfn4j.environments").contains("loo-score-split")
                .contains("mlp").contains("l1");
    }

    @Test
    void configPrintsEffectiveValues() {
        CommandLineRun r = run("config", "--set", "objective.name=tsallis");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("tsallis").contains("alpha").contains("batch-size");
    }
}
