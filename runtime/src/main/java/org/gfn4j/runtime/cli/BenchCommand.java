package org.gfn4j.runtime.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.gfn4j.api.train.IterationRecord;
import org.gfn4j.api.train.TrainingListener;
import org.gfn4j.runtime.config.RunConfig;
import org.gfn4j.runtime.training.PhaseTimes;
import org.gfn4j.runtime.training.Trainer;
import org.gfn4j.runtime.wiring.Runs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gfn4j bench}: end-to-end milliseconds per training iteration after warm-up, for the
 * configured run. A measurement, never a test: the figures depend on the machine and its load.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time whole training iterations of the configured run (same options as train).",
            "Prints median, 10th and 90th percentile milliseconds per iteration after warm-up, and trajectories per second.",
            "Evaluation is switched off while timing."})
final class BenchCommand implements Runnable {

    @ParentCommand
    Gfn4jCommand root;

    @Mixin
    PluginFolderOptions plugins = new PluginFolderOptions();

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--warmup", defaultValue = "200", description = "Iterations run before timing (JIT, allocator). Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--measure", defaultValue = "300", description = "Iterations timed. Default: ${DEFAULT-VALUE}.")
    int measure;

    @Option(names = "--csv", paramLabel = "FILE", description = "Append one row of results to this CSV file.")
    Path csv;

    @Override
    public void run() {
        List<String> overrides = new ArrayList<>(options.overrides);
        overrides.add("train.iterations=" + (warmup + measure));
        overrides.add("eval.every=" + Long.MAX_VALUE / 2);
        overrides.add("eval.metrics=[]");
        ConfigOptions timed = new ConfigOptions();
        timed.file = options.file;
        timed.overrides = overrides;
        RunConfig config = timed.load(root.registry(plugins));
        Trainer trainer = Runs.trainer(config, root.registry(plugins));
        double[] millis = new double[warmup + measure];
        long[][] phasesAtWarmup = new long[1][];
        long[] firstIterationAt = new long[1];
        long[] peakOffHeap = new long[1];
        trainer.train(List.of(new TrainingListener() {
            private long last = System.nanoTime();

            @Override
            public void onIteration(IterationRecord record) {
                long now = System.nanoTime();
                millis[(int) record.iteration() - 1] = (now - last) / 1e6;
                if (record.iteration() == 1) {
                    firstIterationAt[0] = System.currentTimeMillis();
                }
                if (record.iteration() == warmup) {
                    phasesAtWarmup[0] = trainer.phaseTimes().nanos();
                }
                // the process's resident memory (heap + ND4J's native buffers + code), as JavaCPP measures it;
                // ND4J's own buffers are not counted by Pointer.totalBytes(), so the whole process is the honest figure
                peakOffHeap[0] = Math.max(peakOffHeap[0], org.bytedeco.javacpp.Pointer.physicalBytes());
                last = System.nanoTime();
            }
        }));
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        long peakHeap = 0;
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        long[] phases = trainer.phaseTimes().nanos();
        double[] timedMillis = Arrays.copyOfRange(millis, warmup, warmup + measure);
        Arrays.sort(timedMillis);
        double median = percentile(timedMillis, 0.5);
        int batch = config.resolved().getInt("train.batch-size");
        String env = config.resolved().getConfig("env").root().render(com.typesafe.config.ConfigRenderOptions.concise());
        String line = String.format(Locale.ROOT, "%s objective=%s estimator=%s batch=%d: median %.2f ms/iteration (p10 %.2f, p90 %.2f), %.0f trajectories/s",
                env, config.pluginName("objective"), config.pluginName("estimator"), batch, median,
                percentile(timedMillis, 0.1), percentile(timedMillis, 0.9), batch * 1000.0 / median);
        System.out.println(line);
        StringBuilder split = new StringBuilder("  mean ms/iteration by phase:");
        for (int k = 0; k < PhaseTimes.PHASES.length; k++) {
            long before = phasesAtWarmup[0] == null ? 0 : phasesAtWarmup[0][k];
            split.append(String.format(Locale.ROOT, " %s %.2f", PhaseTimes.PHASES[k], (phases[k] - before) / 1e6 / measure));
        }
        System.out.println(split);
        System.out.printf(Locale.ROOT, "  JVM start to first iteration %.2f s; peak heap used %.0f MiB; peak process resident memory %.0f MiB%n",
                (firstIterationAt[0] - jvmStart) / 1000.0, peakHeap / 1048576.0, peakOffHeap[0] / 1048576.0);
        if (csv != null) {
            try {
                if (!Files.exists(csv)) {
                    Files.writeString(csv, "env,objective,estimator,batch,median_ms,p10_ms,p90_ms,trajectories_per_s,start_to_first_iteration_s,peak_heap_mib,peak_rss_mib\n");
                }
                Files.writeString(csv, String.format(Locale.ROOT, "\"%s\",%s,%s,%d,%.3f,%.3f,%.3f,%.1f,%.2f,%.0f,%.0f%n",
                        env.replace("\"", "'"), config.pluginName("objective"), config.pluginName("estimator"), batch, median,
                        percentile(timedMillis, 0.1), percentile(timedMillis, 0.9), batch * 1000.0 / median,
                        (firstIterationAt[0] - jvmStart) / 1000.0, peakHeap / 1048576.0, peakOffHeap[0] / 1048576.0),
                        java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static double percentile(double[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
    }
}
