package org.gfn4j.environments.continuous;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.env.ContinuousEnvironment;
import org.gfn4j.api.env.EnvironmentFactory;

/** {@code env { name = banana, std-x1, std-x2, curvature, shift, steps, backward-std, box }}. */
public final class BananaFactory implements EnvironmentFactory {
    private static final Config DEFAULTS = ConfigFactory.parseString("""
            # log r(x) = -x1^2 / (2 std-x1^2) - (x2 - curvature x1^2 - shift)^2 / (2 std-x2^2),
            # log Z = log(2 pi std-x1 std-x2) exactly
            std-x1 = 2.0
            std-x2 = 0.5
            curvature = 0.25
            # shift = -curvature std-x1^2 centres x2 at mean 0
            shift = -1.0
            # evaluation and plot box [lower, upper] on both axes (JSD grid, picture)
            box = [-6, 6]
            """ + ContinuousSettings.DEFAULTS);

    @Override
    public String name() {
        return "banana";
    }

    @Override
    public String description() {
        return "continuous 2-D: banana-shaped density (Gaussian x1, x2 around a parabola in x1), T steps";
    }

    @Override
    public Config defaults() {
        return DEFAULTS;
    }

    @Override
    public ContinuousEnvironment<?> create(ConfigSection section) {
        double std1 = section.getPositiveDouble("std-x1");
        double std2 = section.getPositiveDouble("std-x2");
        double curvature = section.getDouble("curvature", -100, 100);
        double shift = section.getDouble("shift", -1e6, 1e6);
        return ContinuousSettings.build(section, new BananaTarget(std1, std2, curvature, shift));
    }
}
