package org.gfn4j.environments.sequences;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.env.Environment;
import org.gfn4j.api.env.EnvironmentFactory;

/** {@code env { name = sequences, vocab, length, modes, temperature, seed }}. */
public final class SequenceFactory implements EnvironmentFactory {
    private static final Config DEFAULTS = ConfigFactory.parseString("""
            # number of distinct tokens V (paper: 8)
            vocab = 8
            # tokens in a complete sequence L (paper: 6, so 8^6 = 262,144 sequences)
            length = 6
            # number of seeded target sequences t_m; r(x) = sum over m of exp(-hamming(x, t_m) / temperature)
            modes = 4
            # per-mismatch penalty scale; the modes dominate when (vocab - 1) * exp(-1 / temperature) < 1
            temperature = 0.25
            # seeds java.util.Random, which draws the target tokens with nextInt(vocab)
            seed = 0
            """);

    @Override
    public String name() {
        return "sequences";
    }

    @Override
    public String description() {
        return "append tokens to a fixed length; reward peaks at seeded target sequences (Hamming distance)";
    }

    @Override
    public Config defaults() {
        return DEFAULTS;
    }

    @Override
    public Environment<?> create(ConfigSection section) {
        int vocab = section.getInt("vocab", 2, 1024);
        int length = section.getInt("length", 1, 1024);
        int modes = section.getInt("modes", 1, 1_000_000);
        long count = SequenceEnvironment.sequenceCount(vocab, length);
        if (modes > count) {
            throw section.bad("modes", "must be between 1 and vocab^length = " + count + " (the targets are distinct)");
        }
        double temperature = section.getPositiveDouble("temperature");
        long seed = section.getLong("seed", Long.MIN_VALUE, Long.MAX_VALUE);
        return new SequenceEnvironment(vocab, length, SequenceEnvironment.seededTargets(vocab, length, modes, seed), temperature);
    }
}
