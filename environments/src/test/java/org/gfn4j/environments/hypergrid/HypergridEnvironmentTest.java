package org.gfn4j.environments.hypergrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.gfn4j.api.InvalidConfigException;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.conformance.EnvironmentConformance;
import org.junit.jupiter.api.Test;

class HypergridEnvironmentTest {

    @Test
    void passesConformanceInSeveralShapes() {
        EnvironmentConformance.check(new HypergridEnvironment(1, 5, 0.1, 0.5, 2.0));
        EnvironmentConformance.check(new HypergridEnvironment(2, 8, 0.1, 0.5, 2.0));
        EnvironmentConformance.check(new HypergridEnvironment(3, 4, 0.1, 0.5, 2.0));
        EnvironmentConformance.check(new HypergridEnvironment(4, 3, 0.1, 0.5, 2.0));
    }

    /** Case C3: the uniform backward policy spreads over valid parents only. */
    @Test
    void backwardMaskCountsOnlyValidParents() {
        HypergridEnvironment env = new HypergridEnvironment(2, 8, 0.1, 0.5, 2.0);
        boolean[] mask = new boolean[2];
        env.backwardMask(new GridPoint(new int[] {1, 0}), mask);
        assertThat(mask).containsExactly(true, false);
        env.backwardMask(new GridPoint(new int[] {1, 1}), mask);
        assertThat(mask).containsExactly(true, true);
        env.backwardMask(new GridPoint(new int[] {0, 0}), mask);
        assertThat(mask).containsExactly(false, false);
    }

    /** Case C4 (environment side): at a point on the upper boundary in 4 of 5 dimensions only one increment and exit are valid. */
    @Test
    void forwardMaskAtUpperBoundary() {
        HypergridEnvironment env = new HypergridEnvironment(5, 4, 0.1, 0.5, 2.0);
        boolean[] mask = new boolean[6];
        env.forwardMask(new GridPoint(new int[] {3, 3, 1, 3, 3}), mask);
        assertThat(mask).containsExactly(false, false, true, false, false, true);
        assertThatThrownBy(() -> env.step(new GridPoint(new int[] {3, 3, 1, 3, 3}), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid");
    }

    /** Rewards by hand for H = 8: x/(H−1) − 0.5 for x = 0..7 is ±0.5, ±0.357, ±0.214, ±0.071. */
    @Test
    void rewardMatchesHandComputation() {
        HypergridEnvironment env = new HypergridEnvironment(2, 8, 0.1, 0.5, 2.0);
        assertThat(env.reward(new GridPoint(new int[] {0, 0}))).isCloseTo(0.6, within(1e-12));   // outer only
        assertThat(env.reward(new GridPoint(new int[] {1, 6}))).isCloseTo(2.6, within(1e-12));   // outer and ring
        assertThat(env.reward(new GridPoint(new int[] {1, 3}))).isCloseTo(0.1, within(1e-12));   // one coordinate central
        assertThat(env.reward(new GridPoint(new int[] {3, 4}))).isCloseTo(0.1, within(1e-12));
        // per dimension: 2 ring values (1, 6), 2 outer-only (0, 7), 4 inner. Z = 64·0.1 + 16·0.5 + 4·2.0
        assertThat(Math.exp(env.logPartition())).isCloseTo(6.4 + 8.0 + 8.0, within(1e-9));
    }

    /** The reward is symmetric under x_d -> H-1-x_d at every height (exact thresholds, no rounding). */
    @Test
    void rewardIsSymmetricAtEveryHeight() {
        for (int height = 2; height <= 64; height++) {
            HypergridEnvironment env = new HypergridEnvironment(2, height, 0.1, 0.5, 2.0);
            for (int a = 0; a < height; a++) {
                for (int b = 0; b < height; b++) {
                    assertThat(env.reward(new GridPoint(new int[] {a, b})))
                            .as("height %d at (%d, %d)", height, a, b)
                            .isEqualTo(env.reward(new GridPoint(new int[] {height - 1 - a, b})));
                }
            }
        }
        // H = 16: |12/15 - 0.5| = 0.3 exactly is not inside the open ring (0.3, 0.4)
        HypergridEnvironment env = new HypergridEnvironment(2, 16, 0.1, 0.5, 2.0);
        assertThat(env.reward(new GridPoint(new int[] {12, 12}))).isCloseTo(0.6, within(1e-12));
        assertThat(env.reward(new GridPoint(new int[] {13, 13}))).isCloseTo(2.6, within(1e-12));
    }

    @Test
    void enumeratesEveryPointOnceAndRespectsTheCap() {
        HypergridEnvironment env = new HypergridEnvironment(3, 4, 0.1, 0.5, 2.0);
        List<GridPoint> all = env.terminalStates(64);
        assertThat(all).hasSize(64).doesNotHaveDuplicates();
        assertThatThrownBy(() -> env.terminalStates(10)).hasMessageContaining("64 points");
    }

    @Test
    void factoryRejectsBadValuesNamingTheKey() {
        HypergridFactory f = new HypergridFactory();
        assertThatThrownBy(() -> f.create(ConfigSection.of("env", ConfigFactory.parseString("height = 1"), f.defaults())))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("env.height").hasMessageContaining("between 2");
        assertThatThrownBy(() -> f.create(ConfigSection.of("env", ConfigFactory.parseString("hieght = 5"), f.defaults())))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("env.hieght").hasMessageContaining("env.height");
        assertThatThrownBy(() -> f.create(ConfigSection.of("env", ConfigFactory.parseString("r0 = 0"), f.defaults())))
                .hasMessageContaining("env.r0");
    }
}
