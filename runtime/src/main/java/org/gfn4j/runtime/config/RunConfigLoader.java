package org.gfn4j.runtime.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.gfn4j.api.InvalidConfigException;
import org.gfn4j.api.Plugin;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.config.NearestName;
import org.gfn4j.runtime.plugin.PluginKind;
import org.gfn4j.runtime.plugin.PluginRegistry;

/**
 * Builds the resolved run config: the runtime's {@code reference.conf}, then the run file, then
 * {@code --set} overrides, then each chosen plugin's defaults under its slot. Unknown keys anywhere
 * are errors that name the key and the nearest valid one.
 */
public final class RunConfigLoader {
    private static final List<PluginKind> SLOTS = List.of(PluginKind.ENVIRONMENT, PluginKind.OBJECTIVE,
            PluginKind.ESTIMATOR, PluginKind.POLICY);

    private final PluginRegistry registry;

    public RunConfigLoader(PluginRegistry registry) {
        this.registry = registry;
    }

    /** The runtime's defaults, with comments. */
    public static Config reference() {
        try (InputStream in = RunConfigLoader.class.getResourceAsStream("reference.conf")) {
            if (in == null) {
                throw new IllegalStateException("reference.conf is missing from the runtime module");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return ConfigFactory.parseReader(reader, ConfigParseOptions.defaults().setOriginDescription("gfn4j defaults"));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read reference.conf", e);
        }
    }

    /**
     * @param file      a run file, or null
     * @param overrides {@code key=value} pairs from {@code --set}
     */
    public RunConfig load(Path file, List<String> overrides) {
        Config user = ConfigFactory.empty();
        for (String override : overrides) {
            user = parseOverride(override).withFallback(user);
        }
        if (file != null) {
            if (Files.isDirectory(file)) {
                throw new InvalidConfigException("-c", file + " is a folder; -c takes a HOCON run file such as configs/sets.conf");
            }
            if (!Files.isRegularFile(file)) {
                throw new InvalidConfigException("-c", "run file " + file + " does not exist");
            }
            try {
                user = user.withFallback(ConfigFactory.parseFile(file.toFile(),
                        ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF).setAllowMissing(false)));
            } catch (ConfigException e) {
                throw new InvalidConfigException(file.toString(), "cannot parse the run file: " + e.getMessage());
            }
        }
        return resolve(user);
    }

    /** Resolves a user config (already merged from file and overrides) against all defaults. */
    public RunConfig resolve(Config user) {
        Config reference = reference();
        try {
            user = user.resolve();
        } catch (ConfigException e) {
            throw new InvalidConfigException("config", e.getMessage());
        }
        checkKnownKeys(user, reference);
        Config merged = user.withFallback(reference);
        Config resolved = merged;
        for (PluginKind slot : SLOTS) {
            String path = slot.configPath();
            String name = stringAt(merged, path + ".name");
            Plugin factory = registry.find(slot, slot.spi(), name);
            Config section = merged.getConfig(path);
            // validates the section's keys now, so that every error surfaces before training starts
            ConfigSection checked = ConfigSection.of(path, section, factory.defaults());
            resolved = resolved.withValue(path, checked.config().withValue("name", ConfigValueFactory.fromAnyRef(name)).root());
        }
        for (String metric : stringListAt(merged, "eval.metrics")) {
            registry.find(PluginKind.METRIC, PluginKind.METRIC.spi(), metric);
        }
        return new RunConfig(resolved, user);
    }

    private static Config parseOverride(String override) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new InvalidConfigException("--set", "'" + override + "' is not of the form key=value");
        }
        String key = override.substring(0, eq).trim();
        String value = override.substring(eq + 1).trim();
        try {
            return ConfigFactory.parseString(key + " = " + value);
        } catch (ConfigException e) {
            // a bare string with characters HOCON would interpret: take it literally
            try {
                return ConfigFactory.parseMap(Map.of(key, value));
            } catch (ConfigException again) {
                throw new InvalidConfigException("--set", "cannot read '" + override + "': " + e.getMessage());
            }
        }
    }

    /** Plain sections (run, train, eval) must use reference keys; slots are checked by their plugin. */
    private static void checkKnownKeys(Config user, Config reference) {
        Set<String> topLevel = new TreeSet<>(reference.root().keySet());
        for (String key : user.root().keySet()) {
            if (!topLevel.contains(key)) {
                throw unknown(key, topLevel);
            }
        }
        Set<String> slotPaths = new TreeSet<>();
        for (PluginKind slot : SLOTS) {
            slotPaths.add(slot.configPath());
        }
        Set<String> known = new TreeSet<>();
        for (Map.Entry<String, ConfigValue> e : reference.entrySet()) {
            known.add(e.getKey());
        }
        for (Map.Entry<String, ConfigValue> e : user.entrySet()) {
            String key = e.getKey();
            String top = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
            if (slotPaths.contains(top)) {
                if (!key.contains(".")) {
                    throw new InvalidConfigException(key, "must be a section such as " + key + " { name = ... }");
                }
                continue;
            }
            if (!known.contains(key)) {
                throw unknown(key, known);
            }
        }
    }

    private static InvalidConfigException unknown(String key, Set<String> known) {
        String nearest = NearestName.find(key, known);
        return new InvalidConfigException(key, "unknown key" + (nearest != null ? ", did you mean '" + nearest + "'?" : "")
                + " (gfn4j config prints every valid key)");
    }

    private static String stringAt(Config config, String path) {
        try {
            return config.getString(path);
        } catch (ConfigException.Missing e) {
            throw new InvalidConfigException(path, "is missing");
        } catch (ConfigException.WrongType e) {
            throw new InvalidConfigException(path, "must be a plugin name (a string)");
        }
    }

    private static List<String> stringListAt(Config config, String path) {
        try {
            return config.getStringList(path);
        } catch (ConfigException.WrongType e) {
            throw new InvalidConfigException(path, "must be a list of names");
        }
    }
}
