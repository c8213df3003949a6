package org.gfn4j.runtime.cli;

import com.typesafe.config.ConfigRenderOptions;
import org.gfn4j.runtime.plugin.Discovered;
import org.gfn4j.runtime.plugin.PluginKind;
import org.gfn4j.runtime.plugin.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code gfn4j plugins}: every discovered plugin with its name, description and origin. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = {"List every discovered environment, objective, estimator, policy and metric: name, description and the module",
            "(built-ins) or plugin jar it came from. Plugin jars: plugins/ beside the launcher and every --plugins DIR."})
final class PluginsCommand implements Runnable {

    @ParentCommand
    Gfn4jCommand root;

    @Mixin
    PluginFolderOptions plugins = new PluginFolderOptions();

    @Option(names = "--details", description = "Also print each plugin's parameters with their defaults.")
    boolean details;

    @Override
    public void run() {
        PluginRegistry registry = root.registry(plugins);
        for (PluginKind kind : PluginKind.values()) {
            System.out.println(kind.plural() + " (config: " + kind.configPath() + (kind == PluginKind.METRIC ? "" : ".name") + ")");
            for (Discovered<?> d : registry.all(kind)) {
                String origin = d.pluginJar().map(jar -> "plugin jar " + jar).orElse(d.origin());
                System.out.printf("  %-18s %s  [%s]%n", d.name(), d.factory().description(), origin);
                if (details && !d.factory().defaults().isEmpty()) {
                    String text = d.factory().defaults().root().render(ConfigRenderOptions.defaults().setOriginComments(false).setJson(false));
                    for (String line : text.split("\n")) {
                        if (!line.isBlank()) {
                            System.out.println("      " + line);
                        }
                    }
                }
            }
            System.out.println();
        }
        if (!registry.warnings().isEmpty()) {
            // the warnings themselves went to stderr when the registry was built
            System.out.println(registry.warnings().size() + " plugin warning(s), printed above on stderr");
        }
    }
}
