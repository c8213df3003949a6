package org.gfn4j.runtime.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.gfn4j.runtime.TestRuns;
import org.junit.jupiter.api.Test;

class ServiceRegistrationTest {

    @Test
    void builtInPluginsAreDiscovered() {
        PluginRegistry registry = TestRuns.registry();
        assertThat(registry.names(PluginKind.ENVIRONMENT)).contains("hypergrid");
        assertThat(registry.names(PluginKind.OBJECTIVE)).contains("tb", "reverse-kl", "forward-kl", "renyi", "tsallis", "vargrad");
        assertThat(registry.names(PluginKind.ESTIMATOR)).contains("reinforce", "loo", "score", "loo-score", "loo-score-split");
        assertThat(registry.names(PluginKind.POLICY)).contains("mlp");
        assertThat(registry.names(PluginKind.METRIC)).contains("l1", "logz-error");
        assertThat(registry.warnings()).isEmpty();
    }

    /** module-info's provides and META-INF/services must list the same providers, or class-path users miss some. */
    @Test
    void moduleDescriptorsAgreeWithServiceFiles() throws IOException {
        List<Module> ours = ModuleLayer.boot().modules().stream()
                .filter(m -> m.getName().startsWith("org.gfn4j.")).collect(Collectors.toList());
        assertThat(ours).extracting(Module::getName)
                .contains("org.gfn4j.api", "org.gfn4j.divergences", "org.gfn4j.estimators", "org.gfn4j.environments");
        int checked = 0;
        for (Module module : ours) {
            for (ModuleDescriptor.Provides provides : module.getDescriptor().provides()) {
                Set<String> fromDescriptor = new TreeSet<>(provides.providers());
                Set<String> fromFile = new TreeSet<>();
                try (InputStream in = module.getResourceAsStream("META-INF/services/" + provides.service())) {
                    assertThat(in).as("META-INF/services/%s in %s", provides.service(), module.getName()).isNotNull();
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    Arrays.stream(text.split("\n")).map(l -> l.replaceAll("#.*", "").trim()).filter(l -> !l.isEmpty())
                            .forEach(fromFile::add);
                }
                assertThat(fromFile).as("%s in %s", provides.service(), module.getName()).isEqualTo(fromDescriptor);
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(5);
    }
}
