package org.gfn4j.runtime.plugin;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gfn4j.api.InvalidConfigException;
import org.gfn4j.api.Plugin;
import org.gfn4j.api.config.NearestName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every plugin factory found by {@link ServiceLoader}, by kind and name: the built-in plugins of the
 * boot layer first, then the plugin jars of the given folders, each jar in a module layer of its own.
 *
 * <p>Plugin jars may be modular (a {@code module-info} that {@code requires org.gfn4j.api} and
 * {@code provides} the factories) or plain jars that list their factories in
 * {@code META-INF/services/<SPI>}; a plain jar becomes an automatic module named after its file.
 * Each {@code *.jar} directly in a plugin folder is resolved alone against the api's layer (so it
 * may require the api, Typesafe Config and the other modules of the boot layer) and gets a layer and
 * class loader of its own. A plugin that needs libraries of its own either bundles them or sits in
 * a sub-folder of the plugin folder with its dependency jars: the jars of one sub-folder share one
 * layer. (Jars are never resolved against their neighbours: resolving one automatic module pulls in
 * every automatic module in sight, which would let one bad jar break the others.)
 *
 * <p>Failure isolation: a jar that cannot be read or resolved, or a provider that fails, costs that
 * jar or that provider only: the registry records a warning that names the jar (and the provider
 * class) and goes on. When two plugins claim the same name the first one found is kept (built-ins
 * before jars, folders in the order given, jars by file name) and a warning names both.
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
        return discover(List.of());
    }

    /**
     * The built-in plugins and those of every {@code *.jar} in {@code pluginFolders} (not recursive).
     *
     * @throws InvalidConfigException when a folder does not exist or cannot be listed (a usage error,
     *                                unlike a bad jar inside it, which only costs a warning)
     */
    public static PluginRegistry discover(List<Path> pluginFolders) {
        PluginRegistry registry = new PluginRegistry();
        for (PluginKind kind : PluginKind.values()) {
            registry.load(kind, ServiceLoader.load(ModuleLayer.boot(), kind.spi()), null, null);
            if (PluginRegistry.class.getModule().isNamed()) {
                continue;
            }
            // on the class path (tests of other modules, embedding without JPMS) the boot layer is empty
            registry.load(kind, ServiceLoader.load(kind.spi(), PluginRegistry.class.getClassLoader()), null, null);
        }
        List<List<Path>> units = new ArrayList<>();
        Set<Path> seenFolders = new HashSet<>();
        for (Path folder : pluginFolders) {
            if (!Files.isDirectory(folder)) {
                throw new InvalidConfigException("--plugins", "plugin folder " + folder + " does not exist or is not a folder");
            }
            try {
                if (!seenFolders.add(folder.toRealPath())) {
                    continue;
                }
            } catch (IOException e) {
                throw new InvalidConfigException("--plugins", "cannot read plugin folder " + folder + ": " + e.getMessage());
            }
            for (Path entry : list(folder)) {
                if (isJar(entry)) {
                    units.add(List.of(entry));
                } else if (Files.isDirectory(entry)) {
                    List<Path> jars = list(entry).stream().filter(PluginRegistry::isJar).collect(Collectors.toList());
                    if (!jars.isEmpty()) {
                        units.add(jars);
                    }
                }
            }
        }
        if (!units.isEmpty()) {
            registry.loadUnits(units);
        }
        return registry;
    }

    private static boolean isJar(Path p) {
        return p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p);
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new InvalidConfigException("--plugins", "cannot list plugin folder " + folder + ": " + e.getMessage());
        }
    }

    /**
     * Loads each unit (a plugin jar alone, or the jars of a sub-folder: a plugin with its dependencies)
     * in a module layer of its own over the layer of the api, with a class loader of its own.
     */
    private void loadUnits(List<List<Path>> units) {
        Module api = Plugin.class.getModule();
        if (!api.isNamed() || api.getLayer() == null) {
            warn("plugin jars are ignored: they need gfn4j on the module path (org.gfn4j.api is on the class path here);"
                    + " put the plugin jars on the class path instead: " + units);
            return;
        }
        ModuleLayer parent = api.getLayer();
        for (List<Path> unit : units) {
            // which jars are readable modules (modular, or automatic with a valid derived name)?
            Map<String, ModuleReference> modules = new LinkedHashMap<>();
            Map<String, Path> jarOfModule = new LinkedHashMap<>();
            for (Path jar : unit) {
                try {
                    Set<ModuleReference> found = ModuleFinder.of(jar).findAll();
                    if (found.size() != 1) {
                        warn("plugin jar " + jar + " is skipped: it does not hold exactly one module (found " + found.size() + ")");
                        continue;
                    }
                    ModuleReference ref = found.iterator().next();
                    String name = ref.descriptor().name();
                    if (modules.putIfAbsent(name, ref) != null) {
                        warn("plugin jar " + jar + " is skipped: module " + name + " is already in " + jarOfModule.get(name));
                        continue;
                    }
                    jarOfModule.put(name, jar);
                } catch (FindException | SecurityException e) {
                    String hint = String.valueOf(e.getMessage()).startsWith("Unable to derive module descriptor")
                            ? " (a jar without module-info.java is an automatic module named after its file or after"
                            + " 'Automatic-Module-Name' in its manifest; each entry of META-INF/services must name a class in the jar)"
                            : "";
                    warn("plugin jar " + jar + " cannot be read and is skipped: " + messageOf(e) + hint);
                }
            }
            if (modules.isEmpty()) {
                continue;
            }
            String what = unit.size() == 1 ? "plugin jar " + unit.get(0) : "plugin folder " + unit.get(0).getParent();
            ModuleLayer layer;
            try {
                Configuration cf = parent.configuration().resolve(finderOf(modules), ModuleFinder.of(), modules.keySet());
                layer = parent.defineModulesWithOneLoader(cf, PluginRegistry.class.getClassLoader());
            } catch (FindException | ResolutionException | LayerInstantiationException | SecurityException e) {
                warn(what + " (module " + String.join(", ", modules.keySet()) + ") cannot be loaded and is skipped: " + messageOf(e));
                continue;
            }
            Map<Module, Path> jarOf = new HashMap<>();
            jarOfModule.forEach((name, jar) -> jarOf.put(layer.findModule(name).orElseThrow(), jar));
            boolean any = false;
            for (PluginKind kind : PluginKind.values()) {
                any |= load(kind, ServiceLoader.load(layer, kind.spi()), jarOf, what);
            }
            if (!any) {
                warn(what + " provides no gfn4j plugin: a plugin jar declares its factories with 'provides' in"
                        + " module-info.java or in META-INF/services/<SPI>, e.g. META-INF/services/org.gfn4j.api.env.EnvironmentFactory");
            }
        }
    }

    /**
     * Loads the providers of one kind.
     *
     * @param jarOf for a plugin layer: the jar of each of its modules (providers of other modules, which
     *              the layer's parents hold, are skipped); null for the built-ins, shown by module name
     * @param what  the plugin jar or folder, for messages; null for the built-ins
     * @return whether any provider of the plugin layer was registered or reported
     */
    private boolean load(PluginKind kind, ServiceLoader<? extends Plugin> loader, Map<Module, Path> jarOf, String what) {
        boolean any = false;
        int errors = 0;
        var iterator = loader.stream().iterator();
        while (true) {
            ServiceLoader.Provider<? extends Plugin> provider;
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                provider = iterator.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                warn("could not load a " + kind.label() + " provider" + (what != null ? " of " + what : "") + ": " + messageOf(e));
                any = true;
                if (++errors >= 20) {
                    break; // the iterator normally moves past a bad entry; never loop on one
                }
                continue;
            }
            Class<? extends Plugin> type;
            try {
                type = provider.type();
            } catch (ServiceConfigurationError | LinkageError e) {
                warn("could not load a " + kind.label() + " provider" + (what != null ? " of " + what : "") + ": " + messageOf(e));
                any = true;
                continue;
            }
            Module module = type.getModule();
            Path jar = jarOf != null ? jarOf.get(module) : null;
            if (jarOf != null && jar == null) {
                continue;
            }
            any = true;
            String from = jar != null ? jar.toString() : module.isNamed() ? module.getName() : "class path";
            Plugin factory;
            String name;
            try {
                factory = provider.get();
                name = factory.name();
                if (name == null || name.isBlank()) {
                    throw new IllegalStateException("name() returned " + (name == null ? "null" : "a blank name"));
                }
                if (factory.defaults() == null) {
                    throw new IllegalStateException("defaults() returned null (return ConfigFactory.empty() for no parameters)");
                }
                factory.description();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                warn("the " + kind.label() + " provider " + type.getName() + " from " + from + " failed to start and is skipped: "
                        + messageOf(e));
                continue;
            }
            Map<String, Discovered<?>> named = byKind.get(kind);
            Discovered<?> existing = named.get(name);
            if (existing != null) {
                if (existing.factory().getClass() != factory.getClass()) {
                    warn("two " + kind.label() + " plugins are named '" + name + "': "
                            + existing.factory().getClass().getName() + " from " + existing.origin() + " is kept, "
                            + factory.getClass().getName() + " from " + from + " is ignored");
                }
                continue;
            }
            named.put(name, new Discovered<>(factory, from, jar));
        }
        return any;
    }

    /** The message of an exception and of its causes, which usually say what went wrong (class not found, …). */
    private static String messageOf(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage() != null ? e.getMessage() : e.toString()));
        Set<Throwable> seen = new HashSet<>();
        for (Throwable c = e.getCause(); c != null && seen.add(c); c = c.getCause()) {
            String m = c.getMessage() != null ? c.getClass().getSimpleName() + ": " + c.getMessage() : c.toString();
            if (!text.toString().contains(m)) {
                text.append(" (caused by ").append(m).append(')');
            }
        }
        return text.toString();
    }

    /** A finder over references that have been read already (so that a bad jar is never read twice). */
    private static ModuleFinder finderOf(Map<String, ModuleReference> byName) {
        Set<ModuleReference> all = Set.copyOf(byName.values());
        return new ModuleFinder() {
            @Override
            public Optional<ModuleReference> find(String name) {
                return Optional.ofNullable(byName.get(name));
            }

            @Override
            public Set<ModuleReference> findAll() {
                return all;
            }
        };
    }

    private void warn(String message) {
        warnings.add(message);
        LOG.debug(message);
    }

    /** Problems met while loading: each names the jar (and the provider class) concerned. */
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
