package org.gfn4j.environments.phylo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gfn4j.api.InvalidConfigException;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.conformance.EnvironmentConformance;
import org.gfn4j.api.math.LogSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhyloEnvironmentTest {
    private static final List<String> FIVE = List.of("Homo_sapiens", "Pan", "Gorilla", "Pongo", "Lemur_catta");

    private static PhyloEnvironment primates(List<String> species) {
        return new PhyloEnvironment(Alignment.builtIn().select(species), 0.1, 1.0);
    }

    private static PhyloEnvironment defaultEnvironment() {
        PhyloFactory f = new PhyloFactory();
        return (PhyloEnvironment) f.create(ConfigSection.defaultsOf("env", f.defaults()));
    }

    @Test
    void passesConformanceWithFourFiveAndSevenSpecies() {
        EnvironmentConformance.check(primates(List.of("Homo_sapiens", "Pan")));
        EnvironmentConformance.check(primates(FIVE.subList(0, 4)));
        EnvironmentConformance.check(primates(FIVE));
        EnvironmentConformance.check(defaultEnvironment());
    }

    @Test
    void enumeratesTheRootedTopologies() {
        assertThat(PhyloEnvironment.rootedTopologyCount(4)).hasToString("15");
        assertThat(PhyloEnvironment.rootedTopologyCount(7)).hasToString("10395");
        assertThat(primates(FIVE.subList(0, 3)).terminalStates(3)).hasSize(3).doesNotHaveDuplicates();
        assertThat(primates(FIVE.subList(0, 4)).terminalStates(15)).hasSize(15).doesNotHaveDuplicates().allMatch(Forest::isSingleTree);
        assertThat(primates(FIVE).terminalStates(105)).hasSize(105).doesNotHaveDuplicates();
        PhyloEnvironment seven = defaultEnvironment();
        assertThat(seven.terminalStates(10_395)).hasSize(10_395).doesNotHaveDuplicates();
        assertThatThrownBy(() -> seven.terminalStates(10_000)).isInstanceOf(IllegalStateException.class).hasMessageContaining("10395");
    }

    /** The enumeration and the forest-merge DAG reach the same trees; log Z sums their rewards. */
    @Test
    void logPartitionSumsOverTheTreesTheMergesReach() {
        PhyloEnvironment e = primates(FIVE);
        Set<Forest> reached = new HashSet<>();
        Deque<Forest> todo = new ArrayDeque<>(List.of(e.initialState()));
        boolean[] mask = new boolean[e.forwardActionCount()];
        Set<Forest> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Forest f = todo.poll();
            e.forwardMask(f, mask);
            if (mask[e.exitAction()]) {
                reached.add(f);
            }
            for (int a = 0; a < e.exitAction(); a++) {
                if (mask[a] && seen.add(e.step(f, a))) {
                    todo.add(e.step(f, a));
                }
            }
        }
        assertThat(reached).containsExactlyInAnyOrderElementsOf(e.terminalStates(105));
        double[] logs = reached.stream().mapToDouble(e::logReward).toArray();
        assertThat(e.logPartition()).isCloseTo(LogSpace.logSumExp(logs), within(1e-9));
        assertThat(e.logReward(reached.iterator().next()))
                .isCloseTo(e.logLikelihood(reached.iterator().next()) - Math.log(105), within(1e-9));
    }

    /** JC69 likelihood against an independent brute-force sum over ancestral states, P(b) = exp(Qb) by Taylor series. */
    @Test
    void likelihoodMatchesBruteForceOverAncestralStates() {
        double b = 0.3;
        Alignment three = new Alignment(List.of("x", "y", "z"), List.of("ACGTAN-R", "ACGAAC?A", "TCGTGAAG"));
        PhyloEnvironment e = new PhyloEnvironment(three, b, 1.0);
        double[][] p = transitionMatrix(b);
        // tree ((x,y),z): root r, internal node u above x and y
        Forest xyThenZ = Forest.tree(0b011, 0b111);
        double expected = 0;
        for (int s = 0; s < 8; s++) {
            int[] sets = new int[3];
            for (int t = 0; t < 3; t++) {
                sets[t] = Alignment.stateSet(three.sequences().get(t).charAt(s));
            }
            double site = 0;
            for (int r = 0; r < 4; r++) {
                for (int u = 0; u < 4; u++) {
                    site += 0.25 * p[r][u] * leaf(p[u], sets[0]) * leaf(p[u], sets[1]) * leaf(p[r], sets[2]);
                }
            }
            expected += Math.log(site);
        }
        assertThat(e.logLikelihood(xyThenZ)).isCloseTo(expected, within(1e-10));
        assertThat(e.describe(xyThenZ)).isEqualTo("((x,y),z);");
        // two taxa: a single site likelihood is Σ_r 1/4 P(r,a) P(r,b)
        Alignment two = new Alignment(List.of("a", "b"), List.of("A", "G"));
        double pair = 0;
        for (int r = 0; r < 4; r++) {
            pair += 0.25 * p[r][0] * p[r][2];
        }
        assertThat(new PhyloEnvironment(two, b, 1.0).logLikelihood(Forest.tree(0b11))).isCloseTo(Math.log(pair), within(1e-12));
    }

    private static double leaf(double[] row, int set) {
        double sum = 0;
        for (int a = 0; a < 4; a++) {
            sum += (set >>> a & 1) != 0 ? row[a] : 0;
        }
        return sum;
    }

    private static double[][] transitionMatrix(double t) {
        double[][] q = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                q[i][j] = i == j ? -1.0 : 1.0 / 3.0;
            }
        }
        double[][] result = new double[4][4];
        double[][] term = new double[4][4];
        for (int i = 0; i < 4; i++) {
            result[i][i] = 1;
            term[i][i] = 1;
        }
        for (int k = 1; k < 40; k++) {
            double[][] next = new double[4][4];
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    for (int m = 0; m < 4; m++) {
                        next[i][j] += term[i][m] * q[m][j] * t / k;
                    }
                }
            }
            term = next;
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    result[i][j] += term[i][j];
                }
            }
        }
        return result;
    }

    @Test
    void missingDataAndGapsContributeNothingAndAmbiguityCodesSumTheirBases() {
        Forest tree = Forest.tree(0b011, 0b111);
        List<String> names = List.of("x", "y", "z");
        double base = new PhyloEnvironment(new Alignment(names, List.of("ACG", "ACT", "AGT")), 0.1, 1.0).logLikelihood(tree);
        // a column of gaps, N and ? is all-ones at every leaf: log-likelihood unchanged
        double withMissing = new PhyloEnvironment(new Alignment(names, List.of("ACG-", "ACTN", "AGT?")), 0.1, 1.0).logLikelihood(tree);
        assertThat(withMissing).isCloseTo(base, within(1e-12));
        // R = A or G: the site likelihood is the sum of the two
        double withA = new PhyloEnvironment(new Alignment(names, List.of("A", "C", "T")), 0.1, 1.0).logLikelihood(tree);
        double withG = new PhyloEnvironment(new Alignment(names, List.of("G", "C", "T")), 0.1, 1.0).logLikelihood(tree);
        double withR = new PhyloEnvironment(new Alignment(names, List.of("R", "C", "T")), 0.1, 1.0).logLikelihood(tree);
        assertThat(Math.exp(withR)).isCloseTo(Math.exp(withA) + Math.exp(withG), within(1e-15));
        // a leaf missing at a site leaves the other two joined by a path of three branches
        double onlyMissing = new PhyloEnvironment(new Alignment(names, List.of("A", "N", "C")), 0.1, 1.0).logLikelihood(tree);
        double[][] p3 = transitionMatrix(0.3);
        assertThat(onlyMissing).isCloseTo(Math.log(0.25 * p3[0][1]), within(1e-12));
    }

    @Test
    void readsTheBuiltInNexus() {
        Alignment a = Alignment.builtIn();
        assertThat(a.taxa()).hasSize(12).contains("Homo_sapiens", "Lemur_catta", "Saimiri_sciureus");
        assertThat(a.siteCount()).isEqualTo(898);
        assertThat(a.sequences().get(0)).startsWith("AAGTTTCATTGG");
    }

    @Test
    void readsInterleavedNexusWithCommentsQuotesAndMatchchar() {
        String text = """
                #NEXUS
                [ a comment
                  over two lines ]
                begin taxa; dimensions ntax=3; taxlabels a b 'c d'; end;
                begin characters;
                  dimensions nchar=6;
                  format datatype=DNA interleave missing=? gap=- matchchar=.;
                  matrix
                    a      ACG
                    b      .T.
                    'c d'  ?-N
                    a      TTA
                    b      ..C
                    'c d'  ACG
                  ;
                end;
                """;
        Alignment a = Alignment.parse(text, "t.nex");
        assertThat(a.taxa()).containsExactly("a", "b", "c d");
        assertThat(a.sequences()).containsExactly("ACGTTA", "ATGTTC", "?-NACG");
    }

    @Test
    void malformedNexusNamesTheLine() {
        String badCharacter = "#NEXUS\nbegin data;\ndimensions ntax=2 nchar=4;\nformat datatype=dna;\nmatrix\na ACGT\nb AC!T\n;\nend;\n";
        assertThatThrownBy(() -> Alignment.parse(badCharacter, "bad.nex")).isInstanceOf(AlignmentFormatException.class)
                .hasMessageContaining("bad.nex line 7").hasMessageContaining("'!'").hasMessageContaining("expected A, C, G, T")
                .satisfies(e -> assertThat(((AlignmentFormatException) e).line()).isEqualTo(7));
        String shortRow = "#NEXUS\nbegin data;\ndimensions ntax=2 nchar=4;\nformat datatype=dna interleave=yes;\nmatrix\na ACGT\nb ACG\n;\nend;\n";
        assertThatThrownBy(() -> Alignment.parse(shortRow, "short.nex")).hasMessageContaining("line 7")
                .hasMessageContaining("nchar = 4").hasMessageContaining("'b'");
        String wrongCount = "#NEXUS\nbegin data;\ndimensions ntax=3 nchar=2;\nmatrix\na AC\nb GT\n;\nend;\n";
        assertThatThrownBy(() -> Alignment.parse(wrongCount, "n.nex")).hasMessageContaining("line 7").hasMessageContaining("ntax = 3");
        String protein = "#NEXUS\nbegin data;\ndimensions ntax=1 nchar=2;\nformat datatype=protein;\nmatrix\na AC\n;\nend;\n";
        assertThatThrownBy(() -> Alignment.parse(protein, "p.nex")).hasMessageContaining("line 4").hasMessageContaining("datatype=DNA");
        String unclosed = "#NEXUS\nbegin data;\n[ never closed\ndimensions ntax=1 nchar=2;\n";
        assertThatThrownBy(() -> Alignment.parse(unclosed, "u.nex")).hasMessageContaining("line 3").hasMessageContaining("']'");
        String noMatrixEnd = "#NEXUS\nbegin data;\ndimensions ntax=1 nchar=2;\nmatrix\na AC\n";
        assertThatThrownBy(() -> Alignment.parse(noMatrixEnd, "e.nex")).hasMessageContaining("line 5").hasMessageContaining("';'");
        assertThatThrownBy(() -> Alignment.parse("hello\n", "x.txt")).hasMessageContaining("x.txt line 1").hasMessageContaining("#NEXUS");
    }

    @Test
    void readsFastaAndRejectsUnequalLengths() {
        Alignment a = Alignment.parse(">one first\nACGT\nAC\n>two\nacgtac\n", "a.fasta");
        assertThat(a.taxa()).containsExactly("one", "two");
        assertThat(a.sequences()).containsExactly("ACGTAC", "ACGTAC");
        assertThatThrownBy(() -> Alignment.parse(">one\nACGT\n>two\nACG\n", "b.fasta")).hasMessageContaining("b.fasta line 3")
                .hasMessageContaining("3 characters, expected 4");
        assertThatThrownBy(() -> Alignment.parse(">one\nAC*T\n", "c.fasta")).hasMessageContaining("line 2").hasMessageContaining("'*'");
    }

    @Test
    void masksNumberPairsOverTheCanonicalTreeOrder() {
        PhyloEnvironment e = primates(FIVE.subList(0, 4));
        assertThat(e.forwardActionCount()).isEqualTo(7);
        assertThat(e.backwardActionCount()).isEqualTo(3);
        boolean[] mask = new boolean[7];
        e.forwardMask(e.initialState(), mask);
        assertThat(mask).containsExactly(true, true, true, true, true, true, false);
        // merge trees 1 and 3 (leaves 1 and 3): pair index 3·2/2 + 1 = 4
        Forest merged = e.step(e.initialState(), PhyloEnvironment.pairIndex(1, 3));
        assertThat(merged.roots()).containsExactly(0b0001L, 0b1010L, 0b0100L);
        e.forwardMask(merged, mask);
        assertThat(mask).containsExactly(true, true, true, false, false, false, false);
        boolean[] back = new boolean[3];
        e.backwardMask(merged, back);
        assertThat(back).containsExactly(false, true, false);
        assertThat(e.backwardStep(merged, 1)).isEqualTo(e.initialState());
        assertThat(e.forwardActionFor(merged, 1)).isEqualTo(PhyloEnvironment.pairIndex(1, 3));
        // finish: ((0,2),(1,3)) then exit only
        Forest tree = e.step(e.step(merged, PhyloEnvironment.pairIndex(0, 2)), PhyloEnvironment.pairIndex(0, 1));
        e.forwardMask(tree, mask);
        assertThat(mask).containsExactly(false, false, false, false, false, false, true);
        assertThat(e.describe(tree)).isEqualTo("((Homo_sapiens,Gorilla),(Pan,Pongo));");
        e.backwardMask(tree, back);
        assertThat(back).containsExactly(true, false, false);
        assertThat(e.maxTrajectoryLength()).isEqualTo(3);
    }

    @Test
    void featuresShowTreeMembershipAndSharedAncestors() {
        PhyloEnvironment e = primates(FIVE.subList(0, 3));
        float[] f = new float[e.featureSize()];
        e.features(Forest.tree(0b011, 0b111), f, 0);
        // membership: tree 0 holds all three leaves; cophenetic (u ≤ v): (0,0)=2,(0,1)=2,(0,2)=1,(1,1)=2,(1,2)=1,(2,2)=1, over n−1 = 2
        assertThat(f).containsExactly(1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0.5f, 1, 0.5f, 0.5f);
    }

    @Test
    void factoryDefaultsToSevenPrimatesAndRejectsBadValuesNamingTheKey(@TempDir Path dir) throws IOException {
        PhyloEnvironment seven = defaultEnvironment();
        assertThat(seven.species()).containsExactly("Homo_sapiens", "Pan", "Gorilla", "Pongo", "Hylobates", "Macaca_fuscata", "Lemur_catta");
        assertThat(seven.logPartition()).isFinite();
        PhyloFactory f = new PhyloFactory();
        assertThatThrownBy(() -> f.create(ConfigSection.of("env", ConfigFactory.parseString("species = [Homo_sapiens, Yeti]"), f.defaults())))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("env.species").hasMessageContaining("Yeti");
        assertThatThrownBy(() -> f.create(ConfigSection.of("env", ConfigFactory.parseString("species = [Pan]"), f.defaults())))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("env.species");
        assertThatThrownBy(() -> f.create(ConfigSection.of("env", ConfigFactory.parseString("branch-length = 0"), f.defaults())))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("env.branch-length");
        Path bad = dir.resolve("bad.nex");
        Files.writeString(bad, "#NEXUS\nbegin data;\ndimensions ntax=1 nchar=2;\nmatrix\na AZ\n;\nend;\n");
        assertThatThrownBy(() -> f.create(ConfigSection.of("env",
                ConfigFactory.parseString("alignment = \"" + bad.toString().replace("\\", "/") + "\", species = []"), f.defaults())))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("env.alignment").hasMessageContaining("line 5");
        Path fasta = dir.resolve("small.fasta");
        Files.writeString(fasta, ">a\nACGT\n>b\nACGA\n>c\nTCGA\n");
        PhyloEnvironment fromFasta = (PhyloEnvironment) f.create(ConfigSection.of("env",
                ConfigFactory.parseString("alignment = \"" + fasta.toString().replace("\\", "/") + "\", species = []"), f.defaults()));
        assertThat(fromFasta.species()).containsExactly("a", "b", "c");
    }
}
