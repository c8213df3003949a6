package org.gfn4j.environments.dag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.gfn4j.api.InvalidConfigException;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.conformance.EnvironmentConformance;
import org.gfn4j.api.math.LogSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DagEnvironmentTest {

    private static ObservationTable simulated(int nodes, int samples, long seed) {
        Random random = new Random(seed);
        return LinearGaussianNetwork.random(nodes, random).sample(samples, random);
    }

    private static DagEnvironment env(int nodes) {
        return new DagEnvironment(simulated(nodes, 50, 1), 1.0, 1.0);
    }

    @Test
    void passesConformanceWithThreeAndFourNodes() {
        EnvironmentConformance.check(env(2));
        EnvironmentConformance.check(env(3));
        EnvironmentConformance.check(env(4));
    }

    @Test
    void countsTheLabelledDags() {
        assertThat(DagEnvironment.dagCount(3)).hasToString("25");
        assertThat(DagEnvironment.dagCount(4)).hasToString("543");
        assertThat(DagEnvironment.dagCount(5)).hasToString("29281");
        assertThat(DagEnvironment.dagCount(6)).hasToString("3781503");
        assertThat(env(3).terminalStates(25)).hasSize(25).doesNotHaveDuplicates().allMatch(DirectedAcyclicGraph::isAcyclic);
        assertThat(env(4).terminalStates(543)).hasSize(543).doesNotHaveDuplicates().allMatch(DirectedAcyclicGraph::isAcyclic);
        List<DirectedAcyclicGraph> five = env(5).terminalStates(30_000);
        assertThat(five).hasSize(29_281).doesNotHaveDuplicates();
        assertThatThrownBy(() -> env(5).terminalStates(1000)).isInstanceOf(IllegalStateException.class).hasMessageContaining("29281");
    }

    /** BGe is score-equivalent: Markov-equivalent DAGs score alike, the v-structure does not. */
    @Test
    void bgeScoresMarkovEquivalentGraphsAlike() {
        // data from the chain 0 → 1 → 2 with strong weights, so that the v-structure fits visibly worse
        Random random = new Random(11);
        double[][] w = new double[3][3];
        w[0][1] = 1.5;
        w[1][2] = -1.2;
        ObservationTable data = new LinearGaussianNetwork(DirectedAcyclicGraph.of(3, new int[] {0, 1}, new int[] {1, 2}), w)
                .sample(200, random);
        DagEnvironment e = new DagEnvironment(data, 1.0, 1.0);
        double ab = e.bgeScore(DirectedAcyclicGraph.of(3, new int[] {0, 1}));
        double ba = e.bgeScore(DirectedAcyclicGraph.of(3, new int[] {1, 0}));
        assertThat(ab).isCloseTo(ba, within(1e-8));
        double chain = e.bgeScore(DirectedAcyclicGraph.of(3, new int[] {0, 1}, new int[] {1, 2}));
        double reversed = e.bgeScore(DirectedAcyclicGraph.of(3, new int[] {2, 1}, new int[] {1, 0}));
        double fork = e.bgeScore(DirectedAcyclicGraph.of(3, new int[] {1, 0}, new int[] {1, 2}));
        double collider = e.bgeScore(DirectedAcyclicGraph.of(3, new int[] {0, 1}, new int[] {2, 1}));
        assertThat(reversed).isCloseTo(chain, within(1e-8));
        assertThat(fork).isCloseTo(chain, within(1e-8));
        assertThat(collider).isLessThan(chain - 1.0);
        // complete graphs are all equivalent too
        double full1 = e.bgeScore(DirectedAcyclicGraph.of(3, new int[] {0, 1}, new int[] {0, 2}, new int[] {1, 2}));
        double full2 = e.bgeScore(DirectedAcyclicGraph.of(3, new int[] {2, 1}, new int[] {2, 0}, new int[] {1, 0}));
        assertThat(full2).isCloseTo(full1, within(1e-8));
        // and the true structure's class beats the empty graph
        assertThat(chain).isGreaterThan(e.bgeScore(DirectedAcyclicGraph.empty(3)));
    }

    @Test
    void logGammaMatchesKnownValues() {
        assertThat(LogGamma.of(1)).isCloseTo(0, within(1e-13));
        assertThat(LogGamma.of(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-13));
        assertThat(LogGamma.of(10)).isCloseTo(Math.log(362_880), within(1e-11));
        assertThat(LogGamma.of(100.5) - LogGamma.of(99.5)).isCloseTo(Math.log(99.5), within(1e-10));
    }

    @Test
    void masksKeepTheGraphAcyclic() {
        DagEnvironment e = env(3);
        DirectedAcyclicGraph chain = DirectedAcyclicGraph.of(3, new int[] {0, 1}, new int[] {1, 2});
        boolean[] mask = new boolean[10];
        e.forwardMask(chain, mask);
        // rows: from 0, from 1, from 2; then exit
        assertThat(mask).containsExactly(
                false, false, true,    // 0→0 self, 0→1 present, 0→2 fine
                false, false, false,   // 1→0 closes a cycle, 1→1 self, 1→2 present
                false, false, false,   // 2→0 and 2→1 close cycles, 2→2 self
                true);                 // exit is valid everywhere
        assertThatThrownBy(() -> e.step(chain, e.edgeAction(2, 0))).hasMessageContaining("cycle");
        boolean[] back = new boolean[9];
        e.backwardMask(chain, back);
        assertThat(back).containsExactly(false, true, false, false, false, true, false, false, false);
        assertThat(e.backwardStep(chain, e.edgeAction(0, 1))).isEqualTo(DirectedAcyclicGraph.of(3, new int[] {1, 2}));
        e.forwardMask(DirectedAcyclicGraph.empty(3), mask);
        assertThat(mask).containsExactly(false, true, true, true, false, true, true, true, false, true);
        assertThat(e.maxTrajectoryLength()).isEqualTo(3);
    }

    @Test
    void featuresHoldAdjacencyAndAncestors() {
        DagEnvironment e = env(3);
        float[] f = new float[e.featureSize()];
        e.features(DirectedAcyclicGraph.of(3, new int[] {0, 1}, new int[] {1, 2}), f, 0);
        assertThat(f).containsExactly(
                0, 1, 0, 0, 0, 1, 0, 0, 0,   // adjacency
                0, 1, 1, 0, 0, 1, 0, 0, 0);  // 0 reaches 1 and 2, 1 reaches 2
        assertThat(e.describe(DirectedAcyclicGraph.of(3, new int[] {0, 2}, new int[] {1, 2}))).isEqualTo("{X0 -> X2, X1 -> X2}");
    }

    /** Exact log Z by the environment's enumeration against a sum over the graphs that the conformance walk reaches. */
    @Test
    void logPartitionIsTheSumOfRewardsWithTheNormalisedPrior() {
        DagEnvironment e = new DagEnvironment(simulated(3, 30, 4), 1.0, 2.0);
        List<DirectedAcyclicGraph> all = e.terminalStates(25);
        double[] logs = all.stream().mapToDouble(e::logReward).toArray();
        assertThat(e.logPartition()).isCloseTo(LogSpace.logSumExp(logs), within(1e-9));
        double expected = e.bgeScore(all.get(3)) / 2.0 - Math.log(25);
        assertThat(e.logReward(all.get(3))).isCloseTo(expected, within(1e-12));
        assertThat(env(5).logPartition()).isFinite();
    }

    @Test
    void readsCsvWithHeaderAndNamesTheBadLine(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good.csv");
        Files.writeString(good, "a,b,c\n1,2,3\n# a comment\n\n4,5,6.5\n2,1,0\n");
        ObservationTable table = ObservationTable.readCsv(good);
        assertThat(table.variables()).containsExactly("a", "b", "c");
        assertThat(table.rows()).hasNumberOfRows(3);
        assertThat(table.rows()[1]).containsExactly(4, 5, 6.5);
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "1,2,3\n4,x,6\n");
        assertThatThrownBy(() -> ObservationTable.readCsv(bad)).hasMessageContaining("line 2").hasMessageContaining("'x'");
        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "1,2,3\n4,5\n");
        assertThatThrownBy(() -> ObservationTable.readCsv(ragged)).hasMessageContaining("line 2").hasMessageContaining("expected 3");

        DagFactory f = new DagFactory();
        DagEnvironment fromFile = (DagEnvironment) f.create(ConfigSection.of("env",
                ConfigFactory.parseString("nodes = 3, data = \"" + good.toString().replace("\\", "/") + "\""), f.defaults()));
        assertThat(fromFile.variables()).containsExactly("a", "b", "c");
        assertThatThrownBy(() -> f.create(ConfigSection.of("env",
                ConfigFactory.parseString("nodes = 4, data = \"" + good.toString().replace("\\", "/") + "\""), f.defaults())))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("env.nodes").hasMessageContaining("3");
        assertThatThrownBy(() -> f.create(ConfigSection.of("env",
                ConfigFactory.parseString("nodes = 3, data = \"" + bad.toString().replace("\\", "/") + "\""), f.defaults())))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("env.data").hasMessageContaining("line 2");
    }

    @Test
    void factoryRejectsBadValuesNamingTheKey() {
        DagFactory f = new DagFactory();
        DagEnvironment byDefault = (DagEnvironment) f.create(ConfigSection.defaultsOf("env", f.defaults()));
        assertThat(byDefault.nodes()).isEqualTo(5);
        assertThat(byDefault.forwardActionCount()).isEqualTo(26);
        assertThatThrownBy(() -> f.create(ConfigSection.of("env", ConfigFactory.parseString("nodes = 1"), f.defaults())))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("env.nodes");
        assertThatThrownBy(() -> f.create(ConfigSection.of("env", ConfigFactory.parseString("data = /no/such/file.csv"), f.defaults())))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("env.data");
        assertThatThrownBy(() -> f.create(ConfigSection.of("env", ConfigFactory.parseString("alpha-mu = -1"), f.defaults())))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("env.alpha-mu");
        assertThatThrownBy(() -> f.create(ConfigSection.of("env", ConfigFactory.parseString("sample = 10"), f.defaults())))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("env.samples");
    }
}
