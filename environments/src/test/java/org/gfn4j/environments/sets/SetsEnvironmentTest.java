package org.gfn4j.environments.sets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.ConfigFactory;
import java.util.HashSet;
import java.util.List;
import org.gfn4j.api.InvalidConfigException;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.conformance.EnvironmentConformance;
import org.gfn4j.api.math.LogSpace;
import org.junit.jupiter.api.Test;

class SetsEnvironmentTest {

    private static SetsEnvironment env(int size, int setSize) {
        return new SetsEnvironment(SetsEnvironment.seededUtilities(size, 7), setSize, 1.0);
    }

    @Test
    void passesConformanceInSeveralShapes() {
        EnvironmentConformance.check(env(12, 6));
        EnvironmentConformance.check(env(6, 3));
        EnvironmentConformance.check(env(5, 5));
        EnvironmentConformance.check(env(4, 1));
    }

    @Test
    void enumeratesEveryCompleteSetOnceAndRefusesBeyondTheCap() {
        List<ElementSet> all = env(12, 6).terminalStates(1000);
        assertThat(all).hasSize(924).doesNotHaveDuplicates().allMatch(s -> s.size() == 6 && s.members() >>> 12 == 0);
        assertThat(env(6, 3).terminalStates(20)).hasSize(20);
        SetsEnvironment paper = env(32, 16);
        assertThat(paper.terminalCount()).isEqualTo(601_080_390L);
        assertThatThrownBy(() -> paper.terminalStates(1_000_000)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("601080390").hasMessageContaining("1000000");
    }

    /** Z = e_k(exp(u/T)) by the recurrence must equal the brute-force sum over all complete sets. */
    @Test
    void logPartitionMatchesEnumeration() {
        for (double temperature : new double[] {1.0, 0.1}) {
            SetsEnvironment e = new SetsEnvironment(SetsEnvironment.seededUtilities(12, 3), 6, temperature);
            List<ElementSet> all = e.terminalStates(1000);
            double[] logs = all.stream().mapToDouble(e::logReward).toArray();
            assertThat(e.logPartition()).isCloseTo(LogSpace.logSumExp(logs), within(1e-10));
        }
    }

    @Test
    void rewardIsTheSumOfUtilitiesOverTemperature() {
        double[] u = {0.5, -0.25, 1.0, 0.0};
        SetsEnvironment e = new SetsEnvironment(u, 2, 0.5);
        assertThat(e.logReward(ElementSet.of(0, 2))).isCloseTo((0.5 + 1.0) / 0.5, within(1e-12));
        assertThat(e.logReward(ElementSet.of(1, 3))).isCloseTo(-0.5, within(1e-12));
        assertThatThrownBy(() -> e.logReward(ElementSet.of(1))).hasMessageContaining("exactly 2");
        // Z = Σ_{pairs} exp((u_i + u_j)/T) by hand
        double z = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = i + 1; j < 4; j++) {
                z += Math.exp((u[i] + u[j]) / 0.5);
            }
        }
        assertThat(e.logPartition()).isCloseTo(Math.log(z), within(1e-12));
    }

    @Test
    void exitIsTheOnlyActionAtACompleteSetAndInvalidBefore() {
        SetsEnvironment e = env(5, 2);
        boolean[] mask = new boolean[6];
        e.forwardMask(ElementSet.of(1), mask);
        assertThat(mask).containsExactly(true, false, true, true, true, false);
        e.forwardMask(ElementSet.of(1, 4), mask);
        assertThat(mask).containsExactly(false, false, false, false, false, true);
        assertThatThrownBy(() -> e.step(ElementSet.of(1, 4), 0)).hasMessageContaining("not valid");
        assertThatThrownBy(() -> e.step(ElementSet.of(1), 1)).hasMessageContaining("not valid");
    }

    /** Case C3 for sets: the backward actions are exactly the removable elements. */
    @Test
    void backwardActionsRemoveExactlyTheMembers() {
        SetsEnvironment e = env(5, 3);
        boolean[] mask = new boolean[5];
        e.backwardMask(ElementSet.of(0, 3, 4), mask);
        assertThat(mask).containsExactly(true, false, false, true, true);
        assertThat(e.backwardStep(ElementSet.of(0, 3, 4), 3)).isEqualTo(ElementSet.of(0, 4));
        assertThat(e.forwardActionFor(ElementSet.of(0, 3, 4), 3)).isEqualTo(3);
        e.backwardMask(ElementSet.EMPTY, mask);
        assertThat(mask).containsOnly(false);
    }

    @Test
    void featuresAndDescriptionShowTheMembers() {
        SetsEnvironment e = env(5, 3);
        float[] f = new float[5];
        e.features(ElementSet.of(0, 3), f, 0);
        assertThat(f).containsExactly(1f, 0f, 0f, 1f, 0f);
        assertThat(e.describe(ElementSet.of(4, 0, 2))).isEqualTo("{0, 2, 4}");
    }

    @Test
    void seededUtilitiesAreReproducibleAndInRange() {
        double[] a = SetsEnvironment.seededUtilities(32, 0);
        assertThat(a).containsExactly(SetsEnvironment.seededUtilities(32, 0));
        assertThat(java.util.Arrays.stream(a).allMatch(x -> x >= -1 && x < 1)).isTrue();
        assertThat(new HashSet<>(List.of(a[0], a[1], a[2]))).hasSize(3);
        assertThat(SetsEnvironment.seededUtilities(32, 1)).isNotEqualTo(a);
    }

    @Test
    void factoryBuildsThePaperTaskAndRejectsBadValuesNamingTheKey() {
        SetsFactory f = new SetsFactory();
        SetsEnvironment paper = (SetsEnvironment) f.create(ConfigSection.defaultsOf("env", f.defaults()));
        assertThat(paper.size()).isEqualTo(32);
        assertThat(paper.setSize()).isEqualTo(16);
        assertThat(paper.forwardActionCount()).isEqualTo(33);
        assertThat(paper.logPartition()).isFinite();
        assertThatThrownBy(() -> f.create(ConfigSection.of("env", ConfigFactory.parseString("size = 6, set-size = 7"), f.defaults())))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("env.set-size").hasMessageContaining("size = 6");
        assertThatThrownBy(() -> f.create(ConfigSection.of("env", ConfigFactory.parseString("size = 63"), f.defaults())))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("env.size").hasMessageContaining("62");
        assertThatThrownBy(() -> f.create(ConfigSection.of("env", ConfigFactory.parseString("temperature = 0"), f.defaults())))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("env.temperature");
        assertThatThrownBy(() -> f.create(ConfigSection.of("env", ConfigFactory.parseString("set-sise = 3"), f.defaults())))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("env.set-size");
    }
}
