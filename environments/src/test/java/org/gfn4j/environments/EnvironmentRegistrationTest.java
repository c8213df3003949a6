package org.gfn4j.environments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.gfn4j.api.env.EnvironmentFactory;
import org.junit.jupiter.api.Test;

/** The providers in module-info and in META-INF/services must agree, and ServiceLoader must find every environment. */
class EnvironmentRegistrationTest {

    @Test
    void serviceFileAndModuleDescriptorListTheSameFactories() throws IOException {
        List<String> listed;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/services/" + EnvironmentFactory.class.getName())) {
            assertThat(in).isNotNull();
            listed = Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).collect(Collectors.toList());
        }
        assertThat(listed).hasSize(7);
        ModuleDescriptor descriptor = getClass().getModule().getDescriptor();
        if (descriptor != null) {
            List<String> provided = descriptor.provides().stream()
                    .filter(p -> p.service().equals(EnvironmentFactory.class.getName()))
                    .flatMap(p -> p.providers().stream()).collect(Collectors.toList());
            assertThat(provided).containsExactlyInAnyOrderElementsOf(listed);
        }
    }

    @Test
    void serviceLoaderFindsEveryEnvironmentByName() {
        getClass().getModule().addUses(EnvironmentFactory.class);
        List<String> names = ServiceLoader.load(EnvironmentFactory.class).stream()
                .map(p -> p.get().name()).collect(Collectors.toList());
        assertThat(names).contains("hypergrid", "sets", "sequences", "phylo", "dag", "gaussian-mixture", "banana");
    }
}
