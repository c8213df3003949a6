package org.gfn4j.runtime.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.gfn4j.runtime.cli.CommandLineRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --plugins DIR} on the real command line, in-process: listing, config, a training run, warnings. */
class PluginCommandLineTest {

    @TempDir
    static Path work;
    static Path good;
    static Path bad;

    @BeforeAll
    static void buildJars() throws Exception {
        good = TestPluginFolders.good(work);
        bad = TestPluginFolders.bad(work);
    }

    static CommandLineRun run(String... args) {
        return CommandLineRun.of(args);
    }

    @Test
    void pluginsListsPluginProvidersWithTheirJar() {
        CommandLineRun r = run("plugins", "--plugins", good.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("test-line .*\\[plugin jar " + java.util.regex.Pattern.quote(good.resolve("line-env.jar").toString()) + "]")
                .containsPattern("test-objective .*\\[plugin jar .*plain-objective-1.0.jar]")
                .containsPattern("hypergrid .*\\[org.gfn4j.environments]");
        assertThat(r.err()).doesNotContain("warning");
    }

    @Test
    void pluginsOptionWorksBeforeTheSubcommandAndRepeated() {
        CommandLineRun r = run("--plugins", good.toString(), "plugins", "--plugins", bad.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("test-line", "test-survivor");
    }

    @Test
    void configSeesPluginDefaultsAndRejectsUnknownKeys() {
        CommandLineRun ok = run("config", "--plugins", good.toString(), "--set", "env.name=test-line");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("test-line").contains("length");
        CommandLineRun typo = run("config", "--plugins", good.toString(), "--set", "env.name=test-line", "--set", "env.lenght=4");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("env.lenght").contains("env.length");
    }

    @Test
    void trainsWithAPluginEnvironmentAndAPluginObjective() {
        CommandLineRun r = run("train", "--plugins", good.toString(), "--set", "env.name=test-line", "--set", "objective.name=test-objective",
                "--set", "train.iterations=20", "--set", "eval.every=10", "--set", "policy.hidden=[16]", "--quiet",
                "--run-dir", work.resolve("run").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("training test-line with test-objective").containsPattern("done: 20 iterations .*l1 = \\d");
    }

    @Test
    void badJarsGiveWarningsOnStderrAndBuiltInsStillTrain() {
        CommandLineRun r = run("train", "--plugins", bad.toString(), "--set", "train.iterations=10", "--set", "eval.every=10",
                "--set", "policy.hidden=[16]", "--quiet", "--run-dir", work.resolve("run-bad").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("gfn4j: warning: plugin jar " + bad.resolve("broken.jar"))
                .contains("test.throwing.ThrowingFactory");
        assertThat(r.out()).contains("training hypergrid with tb").contains("l1 =");
    }

    @Test
    void missingPluginFolderIsAUsageError() {
        CommandLineRun r = run("plugins", "--plugins", work.resolve("nowhere").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--plugins").contains("nowhere");
    }
}
