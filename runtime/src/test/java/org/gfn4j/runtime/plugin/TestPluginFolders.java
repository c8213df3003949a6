package org.gfn4j.runtime.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gfn4j.api.env.EnvironmentFactory;
import org.gfn4j.api.objective.ObjectiveFactory;

/** Plugin folders for tests, built from {@link PluginSources} at test time. */
final class TestPluginFolders {
    private TestPluginFolders() {
    }

    /**
     * {@code work/good}: {@code line-env.jar} (modular, environment {@code test-line}),
     * {@code plain-objective-1.0.jar} (plain jar, objective {@code test-objective}) and
     * {@code with-dependency/} (a modular plugin, environment {@code test-line-2}, and the library it requires).
     */
    static Path good(Path work) throws IOException {
        Path good = Files.createDirectories(work.resolve("good"));
        PluginJars.in(work)
                .source("module-info.java", """
                        module test.line {
                            requires org.gfn4j.api;
                            provides org.gfn4j.api.env.EnvironmentFactory with test.line.LineFactory;
                        }
                        """)
                .source("test/line/LineFactory.java", PluginSources.lineEnvironment("test.line", "LineFactory", "test-line"))
                .writeTo(good.resolve("line-env.jar"));
        PluginJars.in(work)
                .source("test/plain/PlainObjectiveFactory.java",
                        PluginSources.reverseKlObjective("test.plain", "PlainObjectiveFactory", "test-objective"))
                .service(ObjectiveFactory.class, "test.plain.PlainObjectiveFactory")
                .writeTo(good.resolve("plain-objective-1.0.jar"));

        // a sub-folder is one plugin with its dependencies: a modular plugin that requires a library module
        Path withDependency = Files.createDirectories(good.resolve("with-dependency"));
        PluginJars.in(work)
                .source("module-info.java", "module test.lib { exports test.lib; }")
                .source("test/lib/Names.java", "package test.lib; public final class Names { public static String name() { return \"test-line-2\"; } }")
                .writeTo(withDependency.resolve("lib.jar"));
        PluginJars.in(work)
                .withModulePath(withDependency.resolve("lib.jar"))
                .source("module-info.java", """
                        module test.uses.lib {
                            requires org.gfn4j.api;
                            requires test.lib;
                            provides org.gfn4j.api.env.EnvironmentFactory with test.useslib.LineFactory;
                        }
                        """)
                .source("test/useslib/LineFactory.java", PluginSources.lineEnvironment("test.useslib", "LineFactory", "NAME")
                        .replace("\"NAME\"", "test.lib.Names.name()"))
                .writeTo(withDependency.resolve("plugin.jar"));

        return good;
    }

    /**
     * {@code work/bad}: a corrupt jar, a jar whose environment provider throws beside a working
     * objective {@code test-survivor}, a jar that claims the built-in name {@code hypergrid}, two jars
     * that both claim {@code test-twin}, a services entry without its class, a jar whose derived
     * automatic module name is invalid, and a jar that provides nothing.
     */
    static Path bad(Path work) throws IOException {
        Path bad = Files.createDirectories(work.resolve("bad"));
        PluginJars.corruptJar(bad.resolve("broken.jar"));
        PluginJars.in(work)
                .source("test/throwing/ThrowingFactory.java", PluginSources.throwingEnvironment("test.throwing", "ThrowingFactory"))
                .source("test/throwing/SurvivorFactory.java",
                        PluginSources.reverseKlObjective("test.throwing", "SurvivorFactory", "test-survivor"))
                .service(EnvironmentFactory.class, "test.throwing.ThrowingFactory")
                .service(ObjectiveFactory.class, "test.throwing.SurvivorFactory")
                .writeTo(bad.resolve("throwing.jar"));
        PluginJars.in(work)
                .source("test/dup/FakeHypergridFactory.java",
                        PluginSources.lineEnvironment("test.dup", "FakeHypergridFactory", "hypergrid"))
                .service(EnvironmentFactory.class, "test.dup.FakeHypergridFactory")
                .writeTo(bad.resolve("dup-builtin.jar"));
        PluginJars.in(work)
                .source("test/twina/TwinFactory.java", PluginSources.reverseKlObjective("test.twina", "TwinFactory", "test-twin"))
                .service(ObjectiveFactory.class, "test.twina.TwinFactory")
                .writeTo(bad.resolve("twin-a.jar"));
        PluginJars.in(work)
                .source("test/twinb/TwinFactory.java", PluginSources.reverseKlObjective("test.twinb", "TwinFactory", "test-twin"))
                .service(ObjectiveFactory.class, "test.twinb.TwinFactory")
                .writeTo(bad.resolve("twin-b.jar"));
        PluginJars.in(work)
                .source("test/missing/Present.java", "package test.missing; public final class Present { }")
                .service(ObjectiveFactory.class, "test.missing.AbsentFactory")
                .writeTo(bad.resolve("absent-provider.jar"));
        PluginJars.in(work)
                .source("test/keyword/KeywordFactory.java",
                        PluginSources.reverseKlObjective("test.keyword", "KeywordFactory", "test-keyword"))
                .service(ObjectiveFactory.class, "test.keyword.KeywordFactory")
                .writeTo(bad.resolve("my-class.jar")); // automatic module name "my.class": 'class' is a keyword
        PluginJars.in(work)
                .source("test/nothing/Helper.java", "package test.nothing; public final class Helper { }")
                .writeTo(bad.resolve("provides-nothing.jar"));
        // a modular plugin whose required library is not in the folder
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
        PluginJars.in(work)
                .source("module-info.java", "module test.absentlib { exports test.absentlib; }")
                .source("test/absentlib/Names.java", "package test.absentlib; public final class Names { }")
                .writeTo(elsewhere.resolve("absent-lib.jar"));
        PluginJars.in(work)
                .withModulePath(elsewhere.resolve("absent-lib.jar"))
                .source("module-info.java", """
                        module test.needslib {
                            requires org.gfn4j.api;
                            requires test.absentlib;
                            provides org.gfn4j.api.objective.ObjectiveFactory with test.needslib.NeedsLibFactory;
                        }
                        """)
                .source("test/needslib/NeedsLibFactory.java",
                        PluginSources.reverseKlObjective("test.needslib", "NeedsLibFactory", "test-needs-lib"))
                .writeTo(bad.resolve("needs-lib.jar"));
        return bad;
    }
}
