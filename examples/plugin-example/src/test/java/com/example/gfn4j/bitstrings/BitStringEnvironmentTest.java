package com.example.gfn4j.bitstrings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.gfn4j.api.InvalidConfigException;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.conformance.EnvironmentConformance;
import org.gfn4j.api.env.Environment;
import org.gfn4j.api.math.LogSpace;
import org.junit.jupiter.api.Test;

class BitStringEnvironmentTest {
    private final BitStringFactory factory = new BitStringFactory();

    private BitStringEnvironment create(Map<String, Object> values) {
        return (BitStringEnvironment) factory.create(ConfigSection.of("env", ConfigFactory.parseMap(values), factory.defaults()));
    }

    /** The conformance kit from gfn4j-api: one line per environment under test. */
    @Test
    void passesTheConformanceChecks() {
        EnvironmentConformance.check(create(Map.of()));                       // the defaults: n = 8
        EnvironmentConformance.check(create(Map.of("length", 1)));
        EnvironmentConformance.check(create(Map.of("length", 5, "modes", List.of("00100", "11011"), "beta", 0.5)));
    }

    @Test
    void conformanceKitCatchesABrokenEnvironment() {
        // an environment whose backward step forgets which bit it removed: the kit must say so
        Environment<BitString> broken = new ForwardingEnvironment(create(Map.of("length", 3))) {
            @Override
            public int forwardActionFor(BitString state, int backwardAction) {
                return 2 * backwardAction; // wrong whenever the bit was a 1
            }
        };
        AssertionError e = assertThrows(AssertionError.class, () -> EnvironmentConformance.check(broken));
        assertTrue(e.getMessage().contains("fails the environment conformance checks"), e.getMessage());
    }

    @Test
    void everyModeIsAStrictLocalMaximumOfTheReward() {
        BitStringEnvironment env = create(Map.of());
        assertEquals(4, env.modes().size());
        for (BitString mode : env.modes()) {
            for (int i = 0; i < mode.length(); i++) {
                BitString neighbour = mode.with(i, (byte) (1 - mode.bit(i)));
                assertTrue(env.logReward(mode) > env.logReward(neighbour), mode + " vs " + neighbour);
            }
        }
        double best = env.terminalStates(1 << 8).stream().mapToDouble(env::logReward).max().orElseThrow();
        assertEquals(best, env.logReward(env.modes().get(0)), 1e-12);
    }

    @Test
    void logPartitionIsTheLogSumOfAllRewards() {
        BitStringEnvironment env = create(Map.of("length", 6));
        double[] logs = env.terminalStates(64).stream().mapToDouble(env::logReward).toArray();
        assertEquals(64, logs.length);
        assertEquals(LogSpace.logSumExp(logs), env.logPartition(), 1e-12);
    }

    @Test
    void badConfigValuesNameTheKey() {
        InvalidConfigException wrongLength = assertThrows(InvalidConfigException.class,
                () -> create(Map.of("length", 4, "modes", List.of("010"))));
        assertEquals("env.modes", wrongLength.key());
        InvalidConfigException negative = assertThrows(InvalidConfigException.class, () -> create(Map.of("r0", 0)));
        assertEquals("env.r0", negative.key());
        InvalidConfigException typo = assertThrows(InvalidConfigException.class, () -> create(Map.of("lenght", 4)));
        assertTrue(typo.getMessage().contains("env.length"), typo.getMessage());
    }

    /** module-info's provides and META-INF/services must agree, or class-path users would miss a plugin. */
    @Test
    void serviceFilesAgreeWithTheModuleDescriptor() throws IOException {
        Module module = BitStringFactory.class.getModule();
        if (!module.isNamed()) {
            return; // tests run on the class path: nothing to compare
        }
        int checked = 0;
        for (var provides : module.getDescriptor().provides()) {
            try (InputStream in = module.getResourceAsStream("META-INF/services/" + provides.service())) {
                assertTrue(in != null, "META-INF/services/" + provides.service() + " is missing");
                Set<String> listed = Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                        .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toCollection(TreeSet::new));
                assertEquals(new TreeSet<>(provides.providers()), listed, provides.service());
                checked++;
            }
        }
        assertEquals(2, checked);
    }

    /** Delegates everything, so that a test can break one method. */
    private static class ForwardingEnvironment implements Environment<BitString> {
        private final Environment<BitString> d;

        ForwardingEnvironment(Environment<BitString> delegate) {
            this.d = delegate;
        }

        public BitString initialState() { return d.initialState(); }
        public int forwardActionCount() { return d.forwardActionCount(); }
        public int backwardActionCount() { return d.backwardActionCount(); }
        public void forwardMask(BitString s, boolean[] m) { d.forwardMask(s, m); }
        public void backwardMask(BitString s, boolean[] m) { d.backwardMask(s, m); }
        public BitString step(BitString s, int a) { return d.step(s, a); }
        public BitString backwardStep(BitString s, int b) { return d.backwardStep(s, b); }
        public int forwardActionFor(BitString s, int b) { return d.forwardActionFor(s, b); }
        public double logReward(BitString x) { return d.logReward(x); }
        public int maxTrajectoryLength() { return d.maxTrajectoryLength(); }
        public int featureSize() { return d.featureSize(); }
        public void features(BitString s, float[] out, int offset) { d.features(s, out, offset); }
    }
}
