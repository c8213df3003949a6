package org.gfn4j.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gfn4j.api.InvalidConfigException;
import org.gfn4j.runtime.plugin.PluginRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gfn4j}: the command line. Exit codes: 0 success, 1 failure, 2 bad usage or configuration. */
@Command(name = "gfn4j", mixinStandardHelpOptions = true, version = "gfn4j 0.1.0",
        description = {
            "Train Generative Flow Networks on the JVM by minimising divergences (reverse/forward KL, Renyi, Tsallis)",
            "or balance losses (trajectory balance, VarGrad).",
            "",
            "Configuration is HOCON: built-in defaults < run file (-c FILE) < --set key=value.",
            "Pluggable slots pick a plugin by name: env { name = hypergrid }, objective { name = renyi, alpha = 0.5 },",
            "estimator { name = loo-score }, policy { name = mlp, hidden = [256, 256] }."},
        subcommands = {TrainCommand.class, EvalCommand.class, SampleCommand.class, CompareCommand.class, GradVarCommand.class, BenchCommand.class, PluginsCommand.class, ConfigCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Examples:", "  gfn4j train", "  gfn4j train --set objective.name=renyi --set env.ndim=4",
            "  gfn4j train -c configs/sets.conf", "  gfn4j train --resume runs/hypergrid-tb-20250101-120000 --set train.iterations=5000",
            "  gfn4j eval runs/hypergrid-tb-20250101-120000", "  gfn4j sample runs/hypergrid-tb-20250101-120000 -n 500",
            "  gfn4j compare runs/*", "  gfn4j plugins", "  gfn4j config --set objective.name=tsallis",
            "  gfn4j train --plugins my-plugins/ --set env.name=bitstrings --set objective.name=hellinger",
            "", "Plugins: drop jars that implement the SPIs of gfn4j-api into plugins/ (or a --plugins DIR); see docs/plugins.md."})
public final class Gfn4jCommand implements Runnable {

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean debug;

    /** Set by the launcher to the {@code plugins/} folder beside it; loaded when it exists. */
    static final String DEFAULT_PLUGIN_FOLDER_PROPERTY = "gfn4j.plugins";

    @Mixin
    PluginFolderOptions plugins = new PluginFolderOptions();

    private PluginRegistry registry;

    /**
     * The built-in plugins plus those of the launcher's plugins/ folder and of every --plugins folder
     * (given before or after the sub-command); warnings go to stderr.
     */
    PluginRegistry registry(PluginFolderOptions subcommand) {
        if (registry == null) {
            List<Path> folders = new ArrayList<>();
            String launcherFolder = System.getProperty(DEFAULT_PLUGIN_FOLDER_PROPERTY, "");
            if (!launcherFolder.isBlank() && Files.isDirectory(Path.of(launcherFolder))) {
                folders.add(Path.of(launcherFolder));
            }
            folders.addAll(plugins.folders);
            folders.addAll(subcommand.folders);
            registry = PluginRegistry.discover(folders);
            for (String warning : registry.warnings()) {
                System.err.println("gfn4j: warning: " + warning);
            }
        }
        return registry;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (for tests and embedding). */
    public static int execute(String... args) {
        Gfn4jCommand root = new Gfn4jCommand();
        CommandLine cli = new CommandLine(root);
        // wide enough that keys such as objective.name=renyi are never broken across lines
        cli.setUsageHelpWidth(120);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            boolean debug = root.debug;
            if (e instanceof InvalidConfigException) {
                err.println("gfn4j: configuration error: " + e.getMessage());
                if (debug) {
                    e.printStackTrace(err);
                }
                err.flush();
                return 2;
            }
            err.println("gfn4j: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            if (debug) {
                e.printStackTrace(err);
            } else {
                err.println("(run again with --debug for the stack trace)");
            }
            err.flush();
            return 1;
        });
        return cli.execute(args);
    }
}
