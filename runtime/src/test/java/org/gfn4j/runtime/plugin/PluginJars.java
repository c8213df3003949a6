package org.gfn4j.runtime.plugin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds small plugin jars at test time, as a plugin author would: sources compiled against the
 * gfn4j-api jar alone (with javac run in-process through {@link ToolProvider}), packed with
 * {@link JarOutputStream}, with or without a {@code module-info}.
 */
final class PluginJars {
    private final Path work;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, List<String>> services = new LinkedHashMap<>();
    private final List<Path> extraModulePath = new ArrayList<>();

    private PluginJars(Path work) {
        this.work = work;
    }

    /** A new jar whose sources and build files live under {@code work}. */
    static PluginJars in(Path work) {
        return new PluginJars(work);
    }

    /** Adds a source file: {@code path} like {@code test/line/LineFactory.java} or {@code module-info.java}. */
    PluginJars source(String path, String text) {
        sources.put(path, text);
        return this;
    }

    /** Compiles against these jars too (dependencies of the plugin). */
    PluginJars withModulePath(Path... jars) {
        extraModulePath.addAll(List.of(jars));
        return this;
    }

    /** Adds a {@code META-INF/services/<spi>} entry. */
    PluginJars service(Class<?> spi, String... providers) {
        services.computeIfAbsent(spi.getName(), k -> new ArrayList<>()).addAll(List.of(providers));
        return this;
    }

    /** Compiles the sources against the api and writes the jar to {@code jar}. */
    Path writeTo(Path jar) {
        try {
            Path src = Files.createTempDirectory(work, "src");
            Path classes = Files.createTempDirectory(work, "classes");
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17", "-Xlint:none"));
            StringBuilder path = new StringBuilder(apiPath());
            for (Path p : extraModulePath) {
                path.append(java.io.File.pathSeparator).append(p);
            }
            args.add(sources.containsKey("module-info.java") ? "--module-path" : "--class-path");
            args.add(path.toString());
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path file = src.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue());
                args.add(file.toString());
            }
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
            int rc = ToolProvider.findFirst("javac").orElseThrow(() -> new IllegalStateException("no javac in this JVM"))
                    .run(out, out, args.toArray(String[]::new));
            if (rc != 0) {
                throw new IllegalStateException("javac failed:\n" + log.toString(StandardCharsets.UTF_8));
            }
            Files.createDirectories(jar.getParent());
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out2 = new JarOutputStream(file)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(classes)) {
                    files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
                }
                for (Path f : files) {
                    out2.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                    out2.write(Files.readAllBytes(f));
                    out2.closeEntry();
                }
                for (Map.Entry<String, List<String>> e : services.entrySet()) {
                    out2.putNextEntry(new JarEntry("META-INF/services/" + e.getKey()));
                    out2.write((String.join("\n", e.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
                    out2.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The api module and Typesafe Config, where this test JVM found them. */
    private static String apiPath() {
        return Stream.of("org.gfn4j.api", "typesafe.config")
                .map(name -> ModuleLayer.boot().configuration().findModule(name)
                        .orElseThrow(() -> new IllegalStateException(name + " is not in the boot layer"))
                        .reference().location().map(Path::of).orElseThrow().toString())
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    /** A file named like a jar that is not a zip file at all. */
    static Path corruptJar(Path jar) {
        try {
            Files.createDirectories(jar.getParent());
            Files.write(jar, "this is not a zip file".getBytes(StandardCharsets.UTF_8));
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
