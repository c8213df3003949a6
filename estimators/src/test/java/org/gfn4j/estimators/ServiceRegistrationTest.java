package org.gfn4j.estimators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gfn4j.api.estimator.EstimatorFactory;
import org.junit.jupiter.api.Test;

/** The module path (module-info) and the class path (META-INF/services) must offer the same estimators. */
class ServiceRegistrationTest {
    static final String SERVICE = "org.gfn4j.api.estimator.EstimatorFactory";

    static List<String> providedInModuleInfo(String service) throws IOException {
        String source = Files.readString(Path.of("src/main/java/module-info.java"));
        Matcher m = Pattern.compile("provides\\s+" + Pattern.quote(service) + "\\s+with\\s+([^;]+);").matcher(source);
        assertThat(m.find()).as("a provides clause for " + service).isTrue();
        List<String> names = new ArrayList<>();
        for (String name : m.group(1).split(",")) {
            names.add(name.strip());
        }
        return names;
    }

    static List<String> listedInServicesFile(String service) throws IOException {
        return Files.readAllLines(Path.of("src/main/resources/META-INF/services/" + service)).stream()
                .map(line -> line.replaceAll("#.*", "").strip()).filter(line -> !line.isEmpty()).toList();
    }

    @Test
    void moduleInfoAndServicesFileAgree() throws IOException {
        assertThat(listedInServicesFile(SERVICE)).containsExactlyElementsOf(providedInModuleInfo(SERVICE));
    }

    @Test
    void serviceLoaderFindsEveryEstimatorByName() {
        // The tests run inside the module, which provides but does not use the service.
        getClass().getModule().addUses(EstimatorFactory.class);
        List<String> names = ServiceLoader.load(EstimatorFactory.class).stream()
                .map(p -> p.get().name()).toList();
        assertThat(names).containsExactlyInAnyOrder("reinforce", "loo", "score", "loo-score", "loo-score-split");
    }
}
