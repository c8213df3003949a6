package org.gfn4j.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line end to end, in-process: train writes plots and checkpoints; --resume continues
 * to the same metrics as an uninterrupted run and refuses a changed model shape; eval, sample and
 * compare read the run back.
 */
class RunOutputsCommandTest {
    private static final String[] SMALL = {"--set", "env.height=6", "--set", "policy.hidden=[16,16]", "--set", "eval.every=20",
        "--set", "checkpoint.every=20", "--set", "plots.min-seconds=0", "-q"};

    @TempDir
    static Path tmp;
    private static Path resumed;
    private static Path uninterrupted;

    @BeforeAll
    static void trainOnceAndResume() {
        resumed = tmp.resolve("resumed");
        uninterrupted = tmp.resolve("uninterrupted");
        assertThat(run(concat(new String[] {"train", "--run-dir", resumed.toString(), "--set", "train.iterations=40"}, SMALL)).exitCode())
                .isZero();
        assertThat(run(concat(new String[] {"train", "--run-dir", uninterrupted.toString(), "--set", "train.iterations=60"}, SMALL))
                .exitCode()).isZero();
        CommandLineRun r = run("train", "--resume", resumed.toString(), "--set", "train.iterations=60", "-q");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("resuming at iteration 40");
    }

    @Test
    void resumedRunLogsTheSameMetricsAsTheUninterruptedOne() throws IOException {
        List<String> a = Files.readAllLines(resumed.resolve("metrics.csv"));
        List<String> b = Files.readAllLines(uninterrupted.resolve("metrics.csv"));
        assertThat(iterations(a)).containsExactly("0", "20", "40", "60"); // no row twice, the baseline once
        assertThat(withoutTimes(a)).isEqualTo(withoutTimes(b));
        assertThat(Files.readString(resumed.resolve("events.jsonl"))).contains("\"event\":\"resume\"");
        assertThat(Files.readString(resumed.resolve("summary.json"))).contains("\"iterations\":60");
    }

    @Test
    void aResumeThatChangesTheModelShapeIsRefusedNamingTheKey() {
        CommandLineRun r = run("train", "--resume", resumed.toString(), "--set", "policy.hidden=[8]", "--set", "train.iterations=80");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("policy.hidden").contains("[16,16] -> [8]");
        CommandLineRun lower = run("train", "--resume", resumed.toString(), "--set", "train.iterations=80", "--set", "train.seed=9");
        assertThat(lower.exitCode()).isEqualTo(2);
        assertThat(lower.err()).contains("train.seed");
    }

    @Test
    void aTwoDimensionalGridRunLeavesCurvesAndHeatmaps() throws IOException {
        for (String png : List.of("curves.png", "distribution.png")) {
            Path file = uninterrupted.resolve("plots").resolve(png);
            byte[] bytes = Files.readAllBytes(file);
            assertThat(bytes.length).as(png).isGreaterThan(10_000);
            assertThat(new String(bytes, 1, 3, StandardCharsets.ISO_8859_1)).isEqualTo("PNG");
        }
        assertThat(uninterrupted.resolve("checkpoints").resolve("iteration-0000000060.ckpt")).exists();
    }

    @Test
    void evalRecomputesTheLoggedMetrics() throws IOException {
        CommandLineRun r = run("eval", uninterrupted.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> rows = Files.readAllLines(uninterrupted.resolve("metrics.csv"));
        String[] header = rows.get(0).split(",");
        String[] last = rows.get(rows.size() - 1).split(",");
        int l1 = List.of(header).indexOf("l1");
        assertThat(r.out()).contains("iteration 60").containsPattern("l1\\s+" + java.util.regex.Pattern.quote(last[l1]));
    }

    @Test
    void sampleWritesObjectsWithTheirLogRewards() throws IOException {
        Path out = tmp.resolve("s.csv");
        CommandLineRun r = run("sample", uninterrupted.toString(), "-n", "50", "-o", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(51);
        assertThat(lines.get(0)).isEqualTo("index,log_reward,object");
        assertThat(lines.get(1)).matches("0,-?[0-9.]+(e-?\\d+)?,\"\\[\\d, \\d\\]\"");
    }

    @Test
    void compareTabulatesAndPlotsRuns() {
        Path png = tmp.resolve("cmp.png");
        CommandLineRun r = run("compare", resumed.toString(), uninterrupted.toString(), "-o", png.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("final").contains("best").contains(" l1 ").contains("resumed").contains("uninterrupted").contains("tb");
        assertThat(png).isNotEmptyFile();
    }

    private static List<String> iterations(List<String> csv) {
        List<String> its = new ArrayList<>();
        for (String line : csv.subList(1, csv.size())) {
            its.add(line.split(",")[0]);
        }
        return its;
    }

    /** Rows without wall_seconds and loss_mean (a resumed run's first window restarts at its checkpoint). */
    private static List<String> withoutTimes(List<String> csv) {
        List<String> rows = new ArrayList<>();
        for (String line : csv) {
            String[] cells = line.split(",", -1);
            cells[2] = "";
            cells[4] = "";
            rows.add(String.join(",", cells));
        }
        return rows;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static CommandLineRun run(String... args) {
        return CommandLineRun.of(args);
    }
}
