package org.gfn4j.runtime.cli;

import org.gfn4j.runtime.config.RunConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code gfn4j config}: the resolved configuration, every effective value. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print the resolved configuration (defaults < run file < --set), with each chosen plugin's parameters.")
final class ConfigCommand implements Runnable {

    @ParentCommand
    Gfn4jCommand root;

    @Mixin
    PluginFolderOptions plugins = new PluginFolderOptions();

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Override
    public void run() {
        RunConfig config = options.load(root.registry(plugins));
        System.out.print(config.render());
    }
}
