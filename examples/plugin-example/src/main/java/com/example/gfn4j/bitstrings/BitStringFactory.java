package com.example.gfn4j.bitstrings;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.env.Environment;
import org.gfn4j.api.env.EnvironmentFactory;

/** {@code env { name = bitstrings, length, modes, beta, r0 }}: see {@link BitStringEnvironment}. */
public final class BitStringFactory implements EnvironmentFactory {
    private static final Config DEFAULTS = ConfigFactory.parseString("""
            # number of bits n (2^n objects, 3^n states; exact evaluation is practical up to about n = 12)
            length = 8
            # the reward's modes, bit strings of length n such as "01100110"; empty = 000..0, 111..1, 0101.., 1010..
            modes = []
            # how fast the reward falls with the Hamming distance to a mode: r = r0 + sum_k exp(-beta * d(x, m_k))
            beta = 2.0
            # background reward of every string, > 0
            r0 = 0.01
            """);

    @Override
    public String name() {
        return "bitstrings";
    }

    @Override
    public String description() {
        return "bit strings filled in any order; multi-modal reward r0 + sum_k exp(-beta * Hamming distance to mode k) (example plugin)";
    }

    @Override
    public Config defaults() {
        return DEFAULTS;
    }

    @Override
    public Environment<?> create(ConfigSection section) {
        int n = section.getInt("length", 1, 20);
        double beta = section.getDouble("beta", 0.0, 100.0);
        double r0 = section.getPositiveDouble("r0");
        List<BitString> modes = new ArrayList<>();
        for (String text : section.getStringList("modes")) {
            if (text.length() != n || !text.matches("[01]+")) {
                throw section.bad("modes", "every mode must be a string of " + n + " characters 0 or 1 (env.length = " + n
                        + "), got '" + text + "'");
            }
            modes.add(BitString.parse(text));
        }
        return new BitStringEnvironment(n, modes.isEmpty() ? BitStringEnvironment.defaultModes(n) : modes, beta, r0);
    }
}
