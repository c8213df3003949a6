package org.gfn4j.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gfn4j.api.InvalidConfigException;
import org.gfn4j.runtime.TestRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunConfigLoaderTest {
    private final RunConfigLoader loader = new RunConfigLoader(TestRuns.registry());

    @Test
    void unknownPluginNameListsTheValidOnes() {
        assertThatThrownBy(() -> loader.load(null, List.of("objective.name=nope")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("objective.name").hasMessageContaining("'nope'")
                .hasMessageContaining("tb").hasMessageContaining("renyi").hasMessageContaining("reverse-kl");
        assertThatThrownBy(() -> loader.load(null, List.of("objective.name=reyni")))
                .hasMessageContaining("did you mean 'renyi'");
    }

    /** Case C9: a misspelled key is an error naming it and the nearest valid key. */
    @Test
    void misspelledKeysAreErrorsNamingTheNearestKey() {
        assertThatThrownBy(() -> loader.load(null, List.of("train.iteratons=5")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("train.iteratons").hasMessageContaining("train.iterations");
        assertThatThrownBy(() -> loader.load(null, List.of("env.hieght=5")))
                .hasMessageContaining("env.hieght").hasMessageContaining("env.height");
        assertThatThrownBy(() -> loader.load(null, List.of("trian.seed=5")))
                .hasMessageContaining("trian").hasMessageContaining("train");
        assertThatThrownBy(() -> loader.load(null, List.of("objective.alpha=0.5")))
                .hasMessageContaining("objective.alpha"); // tb has no alpha
    }

    @Test
    void badValuesNameTheKeyAndTheAllowedRange() {
        RunConfig config = loader.load(null, List.of("train.epsilon=1.5"));
        assertThatThrownBy(() -> org.gfn4j.runtime.training.TrainSettings.from(config))
                .hasMessageContaining("train.epsilon").hasMessageContaining("between 0");
    }

    /** Case C9: the resolved config shows every effective value, plugin defaults included. */
    @Test
    void resolvedConfigHoldsEveryEffectiveValue() {
        RunConfig config = loader.load(null, List.of("objective.name=renyi", "env.height=5"));
        assertThat(config.resolved().getInt("env.height")).isEqualTo(5);
        assertThat(config.resolved().getInt("env.ndim")).isEqualTo(2);
        assertThat(config.resolved().getDouble("env.r0")).isEqualTo(0.1);
        assertThat(config.resolved().getDouble("objective.alpha")).isEqualTo(0.5);
        assertThat(config.resolved().getIntList("policy.hidden")).containsExactly(256, 256);
        assertThat(config.render()).contains("alpha").contains("height").contains("learning-rate");
    }

    @Test
    void overridesWinOverTheRunFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("run.conf");
        Files.writeString(file, "env { name = hypergrid, height = 6 }\ntrain { iterations = 7, batch-size = 4 }\n");
        RunConfig config = loader.load(file, List.of("train.iterations=9"));
        assertThat(config.resolved().getInt("env.height")).isEqualTo(6);
        assertThat(config.resolved().getInt("train.iterations")).isEqualTo(9);
        assertThat(config.resolved().getInt("train.batch-size")).isEqualTo(4);
        assertThatThrownBy(() -> loader.load(dir.resolve("missing.conf"), List.of()))
                .hasMessageContaining("does not exist");
    }
}
