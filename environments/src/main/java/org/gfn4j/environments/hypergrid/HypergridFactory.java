package org.gfn4j.environments.hypergrid;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.env.Environment;
import org.gfn4j.api.env.EnvironmentFactory;

/** {@code env { name = hypergrid, ndim, height, r0, r1, r2 }}. */
public final class HypergridFactory implements EnvironmentFactory {
    private static final Config DEFAULTS = ConfigFactory.parseString("""
            # number of dimensions D
            ndim = 2
            # points per dimension H (coordinates 0 .. H-1)
            height = 8
            # reward R(x) = r0 + r1 * [all |x_d/(H-1) - 0.5| > 0.25] + r2 * [all 0.3 < |x_d/(H-1) - 0.5| < 0.4]
            r0 = 0.1
            r1 = 0.5
            r2 = 2.0
            """);

    @Override
    public String name() {
        return "hypergrid";
    }

    @Override
    public String description() {
        return "D-dimensional grid of height H with reward modes near the corners (Malkin et al. 2022)";
    }

    @Override
    public Config defaults() {
        return DEFAULTS;
    }

    @Override
    public Environment<?> create(ConfigSection section) {
        int ndim = section.getInt("ndim", 1, 16);
        int height = section.getInt("height", 2, 1024);
        double r0 = section.getDouble("r0", 0.0, Double.MAX_VALUE);
        double r1 = section.getDouble("r1", 0.0, Double.MAX_VALUE);
        double r2 = section.getDouble("r2", 0.0, Double.MAX_VALUE);
        if (r0 <= 0) {
            throw section.bad("r0", "must be greater than 0: with r0 = 0 most points have reward 0 and log-reward -Infinity");
        }
        return new HypergridEnvironment(ndim, height, r0, r1, r2);
    }
}
