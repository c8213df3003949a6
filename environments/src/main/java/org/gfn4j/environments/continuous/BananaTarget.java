package org.gfn4j.environments.continuous;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A banana-shaped density in the plane: a Gaussian in x_1 and, given x_1, a Gaussian in x_2 around
 * the parabola b·x_1² + c:
 * <pre>
 *   log r(x) = −x_1² / (2 s_1²) − (x_2 − b x_1² − c)² / (2 s_2²),      log Z = log(2π s_1 s_2),
 * </pre>
 * exact, since integrating x_2 first gives √(2π) s_2 whatever x_1. Exact samples: x_1 ~ N(0, s_1²),
 * x_2 = b x_1² + c + s_2 ε. The defaults (s_1 = 2, s_2 = 0.5, b = 0.25, c = −1) bend the density
 * into an arch whose x_2 has mean 0.
 */
public final class BananaTarget implements TargetDensity {
    private final double std1;
    private final double std2;
    private final double curvature;
    private final double shift;

    public BananaTarget(double std1, double std2, double curvature, double shift) {
        if (!(std1 > 0) || !(std2 > 0)) {
            throw new IllegalArgumentException("the banana's standard deviations must be positive");
        }
        this.std1 = std1;
        this.std2 = std2;
        this.curvature = curvature;
        this.shift = shift;
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double logDensity(double[] x) {
        double a = x[0] / std1;
        double b = (x[1] - curvature * x[0] * x[0] - shift) / std2;
        return -0.5 * (a * a + b * b);
    }

    @Override
    public double logPartition() {
        return Math.log(2 * Math.PI * std1 * std2);
    }

    @Override
    public double[] sample(SplittableRandom random) {
        double x1 = std1 * StandardNormal.draw(random);
        return new double[] {x1, curvature * x1 * x1 + shift + std2 * StandardNormal.draw(random)};
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "banana x1 ~ N(0, %s^2), x2 | x1 ~ N(%s x1^2 + %s, %s^2)", std1, curvature, shift,
                std2);
    }
}
