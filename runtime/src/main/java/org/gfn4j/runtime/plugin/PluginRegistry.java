package org.gfn4j.runtime.plugin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.gfn4j.api.InvalidConfigException;
import org.gfn4j.api.Plugin;
import org.gfn4j.api.config.NearestName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every plugin factory found by {@link ServiceLoader} in the given module layers, by kind and name.
 * Built-in plugins come from the boot layer; plugin jars add layers of their own.
 */
public final class PluginRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);

    private final Map<PluginKind, Map<String, Discovered<?>>> byKind = new EnumMap<>(PluginKind.class);
    private final List<String> warnings = new ArrayList<>();

    private PluginRegistry() {
        for (PluginKind kind : PluginKind.values()) {
            byKind.put(kind, new LinkedHashMap<>());
        }
    }

    /** The built-in plugins of the boot layer (and of the class path). */
    public static PluginRegistry discover() {
        PluginRegistry registry = new PluginRegistry();
        for (PluginKind kind : PluginKind.values()) {
            registry.load(kind, ServiceLoader.load(ModuleLayer.boot(), kind.spi()), null);
            if (PluginRegistry.class.getModule().isNamed()) {
                continue;
            }
            // on the class path (tests of other modules, embedding without JPMS) the boot layer is empty
            registry.load(kind, ServiceLoader.load(kind.spi(), PluginRegistry.class.getClassLoader()), null);
        }
        return registry;
    }

    private void load(PluginKind kind, ServiceLoader<? extends Plugin> loader, String originOverride) {
        var iterator = loader.stream().iterator();
        while (true) {
            ServiceLoader.Provider<? extends Plugin> provider;
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                provider = iterator.next();
            } catch (ServiceConfigurationError e) {
                warn("could not load a " + kind.label() + " provider: " + e.getMessage());
                continue;
            }
            Plugin factory;
            try {
                factory = provider.get();
            } catch (ServiceConfigurationError | RuntimeException e) {
                warn("the " + kind.label() + " provider " + provider.type().getName() + " failed to start: " + e.getMessage());
                continue;
            }
            Module module = provider.type().getModule();
            String origin = originOverride != null ? originOverride : module.isNamed() ? module.getName() : "class path";
            Map<String, Discovered<?>> named = byKind.get(kind);
            Discovered<?> existing = named.get(factory.name());
            if (existing != null) {
                if (existing.factory().getClass() != factory.getClass()) {
                    warn("two " + kind.label() + " plugins are named '" + factory.name() + "': "
                            + existing.factory().getClass().getName() + " from " + existing.origin() + " is kept, "
                            + factory.getClass().getName() + " from " + origin + " is ignored");
                }
                continue;
            }
            named.put(factory.name(), new Discovered<>(factory, origin));
        }
    }

    private void warn(String message) {
        warnings.add(message);
        LOG.warn(message);
    }

    /** Problems met while loading, for {@code gfn4j plugins}. */
    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    public List<Discovered<?>> all(PluginKind kind) {
        return List.copyOf(byKind.get(kind).values());
    }

    public List<String> names(PluginKind kind) {
        return List.copyOf(byKind.get(kind).keySet());
    }

    /** The factory named {@code name}, or an error that lists the valid names (and the nearest one). */
    public <F extends Plugin> F find(PluginKind kind, Class<F> type, String name) {
        Discovered<?> found = byKind.get(kind).get(name);
        if (found == null) {
            List<String> valid = names(kind);
            String message = "unknown " + kind.label() + " '" + name + "'";
            String nearest = NearestName.find(name, valid);
            if (nearest != null) {
                message += ", did you mean '" + nearest + "'?";
            }
            message += " Valid " + kind.label() + " names: " + String.join(", ", valid);
            String key = kind == PluginKind.METRIC ? kind.configPath() : kind.configPath() + ".name";
            throw new InvalidConfigException(key, message);
        }
        return type.cast(found.factory());
    }
}
