package org.gfn4j.environments.sets;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.env.Environment;
import org.gfn4j.api.env.EnvironmentFactory;

/** {@code env { name = sets, size, set-size, temperature, seed }}. */
public final class SetsFactory implements EnvironmentFactory {
    private static final Config DEFAULTS = ConfigFactory.parseString("""
            # number of elements in the ground set (at most 62); the paper uses 32
            size = 32
            # elements in a complete set; exit is valid exactly at sets of this size (paper: 16)
            set-size = 16
            # log r(S) = sum over d in S of u_d / temperature; smaller is peakier
            temperature = 1.0
            # seeds java.util.Random, which draws the utilities u_d = 2 * nextDouble() - 1, uniform in [-1, 1)
            seed = 0
            """);

    @Override
    public String name() {
        return "sets";
    }

    @Override
    public String description() {
        return "subsets of fixed size of a ground set, additive seeded utilities (Pan et al. 2023)";
    }

    @Override
    public Config defaults() {
        return DEFAULTS;
    }

    @Override
    public Environment<?> create(ConfigSection section) {
        int size = section.getInt("size", 1, SetsEnvironment.MAX_SIZE);
        int setSize = section.getInt("set-size", 1, SetsEnvironment.MAX_SIZE);
        if (setSize > size) {
            throw section.bad("set-size", "must be between 1 and size = " + size);
        }
        double temperature = section.getPositiveDouble("temperature");
        long seed = section.getLong("seed", Long.MIN_VALUE, Long.MAX_VALUE);
        return new SetsEnvironment(SetsEnvironment.seededUtilities(size, seed), setSize, temperature);
    }
}
