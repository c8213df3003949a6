package org.gfn4j.divergences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gfn4j.api.InvalidConfigException;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.objective.ObjectiveFactory;
import org.gfn4j.divergences.alpha.RenyiDivergence;
import org.gfn4j.divergences.alpha.RenyiDivergenceFactory;
import org.gfn4j.divergences.alpha.TsallisDivergenceFactory;
import org.junit.jupiter.api.Test;

/** Config names, defaults, the α checks, and the two service registrations agreeing. */
class ConfigAndRegistrationTest {
    static final String SERVICE = "org.gfn4j.api.objective.ObjectiveFactory";

    @Test
    void alphaOneIsRefusedWithAPointerToTheKlObjectives() {
        for (ObjectiveFactory factory : List.of(new RenyiDivergenceFactory(), new TsallisDivergenceFactory())) {
            ConfigSection one = ConfigSection.of("objective", ConfigFactory.parseString("alpha = 1"), factory.defaults());
            assertThatThrownBy(() -> factory.create(one)).isInstanceOf(InvalidConfigException.class)
                    .hasMessageContaining("objective.alpha").hasMessageContaining("reverse-kl")
                    .hasMessageContaining("forward-kl");
            ConfigSection zero = ConfigSection.of("objective", ConfigFactory.parseString("alpha = 0"), factory.defaults());
            assertThatThrownBy(() -> factory.create(zero)).isInstanceOf(InvalidConfigException.class)
                    .hasMessageContaining("objective.alpha").hasMessageContaining("gradient is zero");
            ConfigSection huge = ConfigSection.of("objective", ConfigFactory.parseString("alpha = 1e6"), factory.defaults());
            assertThatThrownBy(() -> factory.create(huge)).isInstanceOf(InvalidConfigException.class)
                    .hasMessageContaining("objective.alpha");
            assertThatThrownBy(() -> ConfigSection.of("objective", ConfigFactory.parseString("alpah = 2"), factory.defaults()))
                    .isInstanceOf(InvalidConfigException.class).hasMessageContaining("objective.alpha");
        }
        assertThatThrownBy(() -> new RenyiDivergence(1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void alphaDefaultsToOneHalfAndEveryDeclaredKeyIsDocumented() {
        RenyiDivergence renyi = (RenyiDivergence) new RenyiDivergenceFactory()
                .create(ConfigSection.defaultsOf("objective", new RenyiDivergenceFactory().defaults()));
        assertThat(renyi.alpha()).isEqualTo(0.5);
        for (ObjectiveFactory factory : concat(ObjectivesForTest.factories(), ObjectivesForTest.flowFactories())) {
            assertThat(factory.name()).matches("[a-z][a-z0-9-]*");
            assertThat(factory.description()).isNotBlank();
            factory.defaults().root().forEach((key, value) ->
                    assertThat(value.origin().comments()).as("%s.%s", factory.name(), key).isNotEmpty());
        }
    }

    @Test
    void moduleInfoAndServicesFileAgree() throws IOException {
        String source = Files.readString(Path.of("src/main/java/module-info.java"));
        Matcher m = Pattern.compile("provides\\s+" + Pattern.quote(SERVICE) + "\\s+with\\s+([^;]+);").matcher(source);
        assertThat(m.find()).isTrue();
        List<String> provided = new ArrayList<>();
        for (String name : m.group(1).split(",")) {
            provided.add(name.strip());
        }
        List<String> listed = Files.readAllLines(Path.of("src/main/resources/META-INF/services/" + SERVICE)).stream()
                .map(line -> line.replaceAll("#.*", "").strip()).filter(line -> !line.isEmpty()).toList();
        assertThat(listed).containsExactlyElementsOf(provided);
    }

    @Test
    void serviceLoaderFindsEveryObjectiveByName() {
        // The tests run inside the module, which provides but does not use the service.
        getClass().getModule().addUses(ObjectiveFactory.class);
        List<String> names = ServiceLoader.load(ObjectiveFactory.class).stream().map(p -> p.get().name()).toList();
        assertThat(names).containsExactlyInAnyOrder("tb", "vargrad", "db", "subtb", "fm", "modified-db", "reverse-kl", "forward-kl", "renyi", "tsallis");
    }

    private static List<ObjectiveFactory> concat(List<ObjectiveFactory> a, List<ObjectiveFactory> b) {
        List<ObjectiveFactory> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
