package org.gfn4j.runtime.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.gfn4j.api.InvalidConfigException;
import org.gfn4j.runtime.config.RunConfig;
import org.gfn4j.runtime.config.RunConfigLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugin jars built at test time (compiled against the api alone) and loaded from folders: modular
 * and plain jars work, and each failure (unreadable jar, throwing provider, duplicate names,
 * services entry without its class) costs only that jar or provider, with a warning naming both.
 */
class PluginLoadingTest {

    @TempDir
    static Path work;

    /** Two good plugin jars: a modular environment and a plain (automatic-module) objective. */
    static Path good;
    /** Jars that each fail in their own way, plus one survivor. */
    static Path bad;

    @BeforeAll
    static void buildJars() throws Exception {
        good = TestPluginFolders.good(work);
        bad = TestPluginFolders.bad(work);
    }

    @Test
    void modularAndPlainJarsAreLoadedAndMarkedWithTheirJar() {
        PluginRegistry registry = PluginRegistry.discover(List.of(good));

        assertThat(registry.warnings()).isEmpty();
        Discovered<?> line = find(registry, PluginKind.ENVIRONMENT, "test-line");
        assertThat(line.pluginJar()).contains(good.resolve("line-env.jar"));
        assertThat(line.origin()).endsWith("line-env.jar");
        assertThat(line.factory().getClass().getModule().getName()).isEqualTo("test.line");
        Discovered<?> plain = find(registry, PluginKind.OBJECTIVE, "test-objective");
        assertThat(plain.pluginJar()).contains(good.resolve("plain-objective-1.0.jar"));
        // a plain jar becomes an automatic module named after its file
        assertThat(plain.factory().getClass().getModule().getName()).isEqualTo("plain.objective");
        // each jar has a layer of its own
        assertThat(line.factory().getClass().getModule().getLayer())
                .isNotSameAs(plain.factory().getClass().getModule().getLayer())
                .isNotSameAs(ModuleLayer.boot());
        assertThat(find(registry, PluginKind.ENVIRONMENT, "test-line-2").pluginJar())
                .contains(good.resolve("with-dependency").resolve("plugin.jar"));
        assertBuiltInsIntact(registry);
    }

    @Test
    void configsCanNamePluginsAndTheirKeysAreValidated() {
        PluginRegistry registry = PluginRegistry.discover(List.of(good));
        RunConfig config = new RunConfigLoader(registry).load(null,
                List.of("env.name=test-line", "env.length=5", "objective.name=test-objective"));
        assertThat(config.resolved().getInt("env.length")).isEqualTo(5);
        assertThatThrownBy(() -> new RunConfigLoader(registry).load(null, List.of("env.name=test-line", "env.lenght=5")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("env.lenght").hasMessageContaining("env.length");
    }

    @Test
    void unreadableJarIsReportedByNameAndTheOthersStillLoad() {
        PluginRegistry registry = PluginRegistry.discover(List.of(bad, good));

        assertThat(registry.warnings()).anySatisfy(w -> assertThat(w)
                .contains(bad.resolve("broken.jar").toString()).contains("cannot be read"));
        assertThat(registry.names(PluginKind.ENVIRONMENT)).contains("test-line");
        assertThat(registry.names(PluginKind.OBJECTIVE)).contains("test-objective", "test-survivor");
        assertBuiltInsIntact(registry);
    }

    @Test
    void providerThrowingInItsConstructorIsReportedWithJarAndClassAndTheRestOfTheJarWorks() {
        PluginRegistry registry = PluginRegistry.discover(List.of(bad));

        assertThat(registry.warnings()).anySatisfy(w -> assertThat(w)
                .contains("test.throwing.ThrowingFactory")
                .contains(bad.resolve("throwing.jar").toString())
                .contains("boom: the licence file is missing"));
        assertThat(find(registry, PluginKind.OBJECTIVE, "test-survivor").pluginJar()).contains(bad.resolve("throwing.jar"));
        assertThat(registry.names(PluginKind.ENVIRONMENT)).doesNotContain("never");
        assertBuiltInsIntact(registry);
    }

    @Test
    void pluginClaimingABuiltInNameLosesWithAWarningNamingBoth() {
        PluginRegistry registry = PluginRegistry.discover(List.of(bad));

        Discovered<?> hypergrid = find(registry, PluginKind.ENVIRONMENT, "hypergrid");
        assertThat(hypergrid.pluginJar()).isEmpty();
        assertThat(hypergrid.origin()).isEqualTo("org.gfn4j.environments");
        assertThat(registry.warnings()).anySatisfy(w -> assertThat(w)
                .contains("'hypergrid'")
                .contains(hypergrid.factory().getClass().getName())
                .contains("test.dup.FakeHypergridFactory")
                .contains(bad.resolve("dup-builtin.jar").toString()));
    }

    @Test
    void twoJarsClaimingTheSameNameKeepTheFirstWithAWarningNamingBoth() {
        PluginRegistry registry = PluginRegistry.discover(List.of(bad));

        assertThat(find(registry, PluginKind.OBJECTIVE, "test-twin").pluginJar()).contains(bad.resolve("twin-a.jar"));
        assertThat(registry.warnings()).anySatisfy(w -> assertThat(w)
                .contains("'test-twin'")
                .contains("test.twina.TwinFactory").contains(bad.resolve("twin-a.jar").toString())
                .contains("test.twinb.TwinFactory").contains(bad.resolve("twin-b.jar").toString()));
    }

    @Test
    void servicesEntryWithoutItsClassBadAutomaticNameAndJarWithoutProvidersAreReported() {
        PluginRegistry registry = PluginRegistry.discover(List.of(bad));

        assertThat(registry.warnings()).anySatisfy(w -> assertThat(w)
                .contains(bad.resolve("absent-provider.jar").toString()).contains("test.missing.AbsentFactory"));
        assertThat(registry.warnings()).anySatisfy(w -> assertThat(w)
                .contains(bad.resolve("my-class.jar").toString()).contains("Invalid module name")
                .contains("Automatic-Module-Name"));
        assertThat(registry.warnings()).anySatisfy(w -> assertThat(w)
                .contains(bad.resolve("provides-nothing.jar").toString()).contains("provides no gfn4j plugin"));
    }

    @Test
    void modularJarRequiringAnAbsentModuleIsReported() {
        PluginRegistry registry = PluginRegistry.discover(List.of(bad));

        assertThat(registry.warnings()).anySatisfy(w -> assertThat(w)
                .contains(bad.resolve("needs-lib.jar").toString()).contains("test.needslib").contains("test.absentlib"));
        assertThat(registry.names(PluginKind.OBJECTIVE)).doesNotContain("test-needs-lib");
    }

    @Test
    void missingFolderIsAUsageError() {
        assertThatThrownBy(() -> PluginRegistry.discover(List.of(work.resolve("no-such-folder"))))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("--plugins").hasMessageContaining("no-such-folder");
    }

    @Test
    void sameFolderTwiceIsLoadedOnce() {
        PluginRegistry registry = PluginRegistry.discover(List.of(good, good.resolve(".")));
        assertThat(registry.warnings()).isEmpty();
    }

    private static void assertBuiltInsIntact(PluginRegistry registry) {
        assertThat(registry.names(PluginKind.ENVIRONMENT)).contains("hypergrid", "sets");
        assertThat(registry.names(PluginKind.OBJECTIVE)).contains("tb", "reverse-kl", "renyi");
        assertThat(registry.names(PluginKind.ESTIMATOR)).contains("loo-score");
        assertThat(registry.names(PluginKind.POLICY)).contains("mlp");
        assertThat(find(registry, PluginKind.ENVIRONMENT, "hypergrid").pluginJar()).isEmpty();
        // built-ins still build their products
        new RunConfigLoader(registry).load(null, List.of("objective.name=renyi"));
    }

    static Discovered<?> find(PluginRegistry registry, PluginKind kind, String name) {
        return registry.all(kind).stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not found; warnings: " + registry.warnings()));
    }
}
