package org.gfn4j.runtime.training;

import java.util.List;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.env.ContinuousEnvironment;
import org.gfn4j.runtime.config.RunConfig;
import org.gfn4j.runtime.sampling.ActionDensity;
import org.gfn4j.runtime.sampling.DiagonalGaussianDensity;
import org.gfn4j.runtime.sampling.GaussianMixtureDensity;

/**
 * What a run on a continuous environment adds to the plugins: the policy's density head over
 * increments (config section {@code head}) and the grid evaluation's settings
 * ({@code eval.jsd-grid}, {@code eval.jsd-samples}).
 *
 * @param density    the head: network outputs per row = {@code density.parameterCount()}
 * @param jsdGrid    cells per side of the JSD histogram over the environment's evaluation box
 * @param jsdSamples model samples per evaluation
 */
public record ContinuousSetup(ActionDensity density, int jsdGrid, int jsdSamples) {

    public static ContinuousSetup from(RunConfig config, ContinuousEnvironment<?> env) {
        ConfigSection head = config.plain("head");
        String kind = head.getChoice("density", List.of("gaussian", "mixture"));
        double min = head.getDouble("min-log-std", -20, 20);
        double max = head.getDouble("max-log-std", -20, 20);
        if (!(min < max)) {
            throw head.bad("max-log-std", "must be greater than head.min-log-std = " + min);
        }
        ActionDensity density = kind.equals("gaussian")
                ? new DiagonalGaussianDensity(env.actionDimension(), min, max)
                : new GaussianMixtureDensity(env.actionDimension(), head.getInt("components", 1, 64), min, max);
        ConfigSection eval = config.plain("eval");
        return new ContinuousSetup(density, eval.getInt("jsd-grid", 2, 1000), eval.getInt("jsd-samples", 2, 1 << 22));
    }
}
