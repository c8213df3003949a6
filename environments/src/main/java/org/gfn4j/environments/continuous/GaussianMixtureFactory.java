package org.gfn4j.environments.continuous;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.env.ContinuousEnvironment;
import org.gfn4j.api.env.EnvironmentFactory;

/** {@code env { name = gaussian-mixture, centers, variance, steps, backward-std, box }}. */
public final class GaussianMixtureFactory implements EnvironmentFactory {
    private static final Config DEFAULTS = ConfigFactory.parseString("""
            # the means are the grid centers x centers: [-5, 0, 5] gives 9 Gaussians on a 3 x 3 grid
            centers = [-5, 0, 5]
            # variance of every component, per coordinate (isotropic); all components weigh the same.
            # log r(x) = log sum_k exp(-|x - mu_k|^2 / (2 variance)), log Z = log(K 2 pi variance)
            variance = 0.3
            # evaluation and plot box [lower, upper] on both axes (JSD grid, picture)
            box = [-8, 8]
            """ + ContinuousSettings.DEFAULTS);

    @Override
    public String name() {
        return "gaussian-mixture";
    }

    @Override
    public String description() {
        return "continuous 2-D: mixture of equal isotropic Gaussians on a grid (default 9 on a 3 x 3 grid), T steps";
    }

    @Override
    public Config defaults() {
        return DEFAULTS;
    }

    @Override
    public ContinuousEnvironment<?> create(ConfigSection section) {
        List<Double> centers = ContinuousSettings.doubles(section, "centers");
        if (centers.isEmpty() || centers.size() > 16) {
            throw section.bad("centers", "must list 1 to 16 coordinates");
        }
        double variance = section.getPositiveDouble("variance");
        double[] c = centers.stream().mapToDouble(Double::doubleValue).toArray();
        return ContinuousSettings.build(section, new GaussianMixtureTarget(c, variance));
    }
}
