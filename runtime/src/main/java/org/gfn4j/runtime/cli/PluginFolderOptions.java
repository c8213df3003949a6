package org.gfn4j.runtime.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --plugins DIR}, on the root command and on every sub-command that builds the plugin registry. */
final class PluginFolderOptions {

    @Option(names = "--plugins", paramLabel = "DIR",
            description = {"Also load the plugin jars in DIR (repeatable; a sub-folder of DIR is one plugin with its dependency jars).",
                "Jars in plugins/ beside the launcher are always loaded. `gfn4j plugins` lists what they provide."})
    List<Path> folders = new ArrayList<>();
}
