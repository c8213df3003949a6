package org.gfn4j.environments.sequences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.gfn4j.api.InvalidConfigException;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.conformance.EnvironmentConformance;
import org.gfn4j.api.math.LogSpace;
import org.junit.jupiter.api.Test;

class SequenceEnvironmentTest {

    private static SequenceEnvironment env(int vocab, int length, int modes, double temperature) {
        return new SequenceEnvironment(vocab, length, SequenceEnvironment.seededTargets(vocab, length, modes, 5), temperature);
    }

    @Test
    void passesConformanceSmallAndAtThePaperSize() {
        EnvironmentConformance.check(env(4, 4, 3, 0.5));
        EnvironmentConformance.check(env(2, 1, 1, 1.0));
        // 8 tokens, length 6: 299,593 states in all (Σ 8^i, i ≤ 6)
        EnvironmentConformance.check(env(8, 6, 4, 0.25), 300_000);
    }

    @Test
    void enumeratesVocabToTheLengthSequences() {
        assertThat(env(4, 4, 2, 1.0).terminalStates(256)).hasSize(256).doesNotHaveDuplicates().allMatch(s -> s.length() == 4);
        SequenceEnvironment paper = env(8, 6, 4, 0.25);
        assertThat(paper.terminalStates(262_144)).hasSize(262_144);
        assertThatThrownBy(() -> paper.terminalStates(1000)).isInstanceOf(IllegalStateException.class).hasMessageContaining("262144");
    }

    /** The closed form M·(1 + (V−1)e^{−1/T})^L against the brute-force sum. */
    @Test
    void logPartitionMatchesEnumeration() {
        for (double temperature : new double[] {0.25, 1.0, 3.0}) {
            SequenceEnvironment e = env(8, 6, 4, temperature);
            double[] logs = e.terminalStates(300_000).stream().mapToDouble(e::logReward).toArray();
            assertThat(e.logPartition()).isCloseTo(LogSpace.logSumExp(logs), within(1e-9));
        }
    }

    @Test
    void rewardIsAMixtureOverTargetsByHammingDistance() {
        int[][] targets = {{0, 0, 0}, {1, 1, 1}};
        SequenceEnvironment e = new SequenceEnvironment(3, 3, targets, 0.5);
        assertThat(e.logReward(TokenSequence.of(0, 0, 0))).isCloseTo(Math.log(1 + Math.exp(-6)), within(1e-12));
        assertThat(e.logReward(TokenSequence.of(0, 1, 2))).isCloseTo(Math.log(Math.exp(-4) + Math.exp(-4)), within(1e-12));
        assertThat(e.logReward(TokenSequence.of(2, 2, 2))).isCloseTo(Math.log(2 * Math.exp(-6)), within(1e-12));
        // extreme temperature stays finite (case C6)
        SequenceEnvironment cold = new SequenceEnvironment(3, 3, targets, 1e-3);
        assertThat(cold.logReward(TokenSequence.of(2, 2, 2))).isCloseTo(-3000 + Math.log(2), within(1e-9));
    }

    @Test
    void seededTargetsAreDistinctAndReproducible() {
        int[][] a = SequenceEnvironment.seededTargets(2, 2, 4, 0);
        assertThat(List.of(a)).extracting(TokenSequence::of).doesNotHaveDuplicates().hasSize(4);
        assertThat(SequenceEnvironment.seededTargets(8, 6, 4, 0)).isDeepEqualTo(SequenceEnvironment.seededTargets(8, 6, 4, 0));
    }

    @Test
    void exitOnlyAtFullLengthAndOneBackwardAction() {
        SequenceEnvironment e = env(3, 2, 1, 1.0);
        boolean[] mask = new boolean[4];
        e.forwardMask(TokenSequence.of(2), mask);
        assertThat(mask).containsExactly(true, true, true, false);
        e.forwardMask(TokenSequence.of(2, 0), mask);
        assertThat(mask).containsExactly(false, false, false, true);
        boolean[] back = new boolean[1];
        e.backwardMask(TokenSequence.EMPTY, back);
        assertThat(back).containsExactly(false);
        e.backwardMask(TokenSequence.of(2, 0), back);
        assertThat(back).containsExactly(true);
        assertThat(e.backwardStep(TokenSequence.of(2, 0), 0)).isEqualTo(TokenSequence.of(2));
        assertThat(e.forwardActionFor(TokenSequence.of(2, 0), 0)).isEqualTo(0);
        assertThatThrownBy(() -> e.step(TokenSequence.of(2, 0), 1)).hasMessageContaining("not valid");
    }

    @Test
    void featuresAreOneHotPerPositionWithAnEmptySlot() {
        SequenceEnvironment e = env(3, 2, 1, 1.0);
        float[] f = new float[e.featureSize()];
        e.features(TokenSequence.of(1), f, 0);
        assertThat(f).containsExactly(0f, 1f, 0f, 0f, /* position 1 empty */ 0f, 0f, 0f, 1f);
        assertThat(e.describe(TokenSequence.of(0, 2))).isEqualTo("AC");
        SequenceEnvironment wide = env(30, 2, 1, 1.0);
        assertThat(wide.describe(TokenSequence.of(12, 29))).isEqualTo("12-29");
    }

    @Test
    void factoryBuildsThePaperTaskAndRejectsBadValuesNamingTheKey() {
        SequenceFactory f = new SequenceFactory();
        SequenceEnvironment paper = (SequenceEnvironment) f.create(ConfigSection.defaultsOf("env", f.defaults()));
        assertThat(paper.vocab()).isEqualTo(8);
        assertThat(paper.length()).isEqualTo(6);
        assertThat(paper.targets()).hasSize(4);
        assertThatThrownBy(() -> f.create(ConfigSection.of("env", ConfigFactory.parseString("vocab = 2, length = 2, modes = 5"), f.defaults())))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("env.modes").hasMessageContaining("4");
        assertThatThrownBy(() -> f.create(ConfigSection.of("env", ConfigFactory.parseString("vocab = 1"), f.defaults())))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("env.vocab");
        assertThatThrownBy(() -> f.create(ConfigSection.of("env", ConfigFactory.parseString("lenght = 3"), f.defaults())))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("env.length");
    }
}
