package org.gfn4j.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.gfn4j.api.InvalidConfigException;
import org.junit.jupiter.api.Test;

class ConfigSectionTest {
    private static final Config DEFAULTS = ConfigFactory.parseString("height = 8, alpha = 0.5, hidden = [4, 4]");

    private static ConfigSection section(String user) {
        return ConfigSection.of("env", ConfigFactory.parseString(user), DEFAULTS);
    }

    @Test
    void unknownKeysNameThePluginTheNearestKeyAndEveryAllowedKey() {
        assertThatThrownBy(() -> section("name = grid, hieght = 3"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("env.hieght").hasMessageContaining("env.name = grid")
                .hasMessageContaining("Did you mean 'env.height'?").hasMessageContaining("Allowed keys: alpha, height, hidden, name");
        assertThatThrownBy(() -> ConfigSection.of("objective", ConfigFactory.parseString("nme = renyi"), ConfigFactory.empty()))
                .hasMessageContaining("Did you mean 'objective.name'?");
    }

    /** Typesafe Config would silently truncate 3.5 to 3 for an integer key. */
    @Test
    void fractionalValuesAreRefusedForIntegerKeys() {
        assertThatThrownBy(() -> section("height = 3.5").getInt("height", 1, 10))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("env.height").hasMessageContaining("integer");
        assertThatThrownBy(() -> section("height = 3.5").getLong("height", 1, 10)).hasMessageContaining("integer");
        assertThatThrownBy(() -> section("hidden = [4, 2.5]").getIntList("hidden", 1, 10)).hasMessageContaining("integers");
        assertThat(section("height = 3.0").getInt("height", 1, 10)).isEqualTo(3);
    }

    @Test
    void badValuesAreShownCompactly() {
        assertThatThrownBy(() -> section("hidden = [0]").getIntList("hidden", 1, 10))
                .hasMessageContaining("bad value [0]").hasMessageContaining("between 1 and 10");
        assertThatThrownBy(() -> section("alpha = two").getDouble("alpha", -10, 10))
                .hasMessageContaining("env.alpha").hasMessageContaining("number");
    }

    @Test
    void defaultsFillWhatTheUserLeftOut() {
        ConfigSection s = section("alpha = 2");
        assertThat(s.getInt("height", 1, 10)).isEqualTo(8);
        assertThat(s.getDouble("alpha", -10, 10)).isEqualTo(2.0);
        assertThat(s.getIntList("hidden", 1, 10)).containsExactly(4, 4);
    }
}
