package org.gfn4j.runtime.continuous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.gfn4j.runtime.sampling.ActionDensity;
import org.gfn4j.runtime.sampling.DiagonalGaussianDensity;
import org.gfn4j.runtime.sampling.GaussianMixtureDensity;
import org.junit.jupiter.api.Test;

/** The policy heads against closed forms, finite differences and their own draws. */
class ActionDensityTest {
    private static final double MIN = -3;
    private static final double MAX = 2;

    private static double logStd(double o) {
        return MIN + (MAX - MIN) / (1 + Math.exp(-o));
    }

    private static double logNormal(double x, double mean, double std) {
        return -0.5 * Math.log(2 * Math.PI) - Math.log(std) - (x - mean) * (x - mean) / (2 * std * std);
    }

    @Test
    void gaussianLogDensityIsTheClosedForm() {
        ActionDensity head = new DiagonalGaussianDensity(2, MIN, MAX);
        float[] out = {9f, 0.7f, -0.3f, 1.2f, 0.4f, -2f};  // a padding value, then (mu1, mu2, o1, o2), then padding
        double[] a = {1.1, -0.5};
        double expected = logNormal(1.1, 0.7f, Math.exp(logStd(1.2f))) + logNormal(-0.5, -0.3f, Math.exp(logStd(0.4f)));
        assertThat(head.parameterCount()).isEqualTo(4);
        assertThat(head.logDensity(out, 1, a)).isCloseTo(expected, within(1e-6));
    }

    @Test
    void mixtureLogDensityIsTheClosedForm() {
        GaussianMixtureDensity head = new GaussianMixtureDensity(1, 2, MIN, MAX);
        // (logit1, logit2, mu1, mu2, o1, o2)
        float[] out = {0.2f, -0.5f, -1f, 2f, 0.1f, -0.6f};
        double w1 = Math.exp(0.2f) / (Math.exp(0.2f) + Math.exp(-0.5f));
        double a = 0.4;
        double expected = Math.log(w1 * Math.exp(logNormal(a, -1, Math.exp(logStd(0.1f))))
                + (1 - w1) * Math.exp(logNormal(a, 2, Math.exp(logStd(-0.6f)))));
        assertThat(head.parameterCount()).isEqualTo(6);
        assertThat(head.logDensity(out, 0, new double[] {a})).isCloseTo(expected, within(1e-6));
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(1);
        for (ActionDensity head : new ActionDensity[] {new DiagonalGaussianDensity(2, MIN, MAX),
            new GaussianMixtureDensity(2, 3, MIN, MAX)}) {
            for (int trial = 0; trial < 5; trial++) {
                float[] out = new float[head.parameterCount()];
                for (int k = 0; k < out.length; k++) {
                    out[k] = (float) (random.nextDouble() * 2 - 1);
                }
                double[] a = {random.nextDouble() * 2 - 1, random.nextDouble() * 2 - 1};
                float[] gradient = new float[out.length];
                head.addGradient(out, 0, a, 2.0, gradient);
                for (int k = 0; k < out.length; k++) {
                    float[] plus = out.clone();
                    float[] minus = out.clone();
                    float h = 1e-2f;
                    plus[k] += h;
                    minus[k] -= h;
                    double numeric = 2.0 * (head.logDensity(plus, 0, a) - head.logDensity(minus, 0, a)) / (plus[k] - minus[k]);
                    assertThat((double) gradient[k]).as("%s, output %d", head.definition(), k)
                            .isCloseTo(numeric, within(2e-3 * (1 + Math.abs(numeric))));
                }
            }
        }
    }

    /** Draws follow the density: mean and variance of a Gaussian head, component weights of a mixture. */
    @Test
    void drawsFollowTheDensity() {
        SplittableRandom random = new SplittableRandom(2);
        ActionDensity gaussian = new DiagonalGaussianDensity(1, MIN, MAX);
        float[] out = {1.5f, 0.3f};
        double std = Math.exp(logStd(0.3f));
        int n = 100_000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double x = gaussian.sample(out, 0, random)[0];
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / n;
        assertThat(mean).isCloseTo(1.5, within(5 * std / Math.sqrt(n)));
        assertThat(sumSq / n - mean * mean).isCloseTo(std * std, within(5 * std * std * Math.sqrt(2.0 / n)));

        ActionDensity mixture = new GaussianMixtureDensity(1, 2, MIN, MAX);
        float[] two = {(float) Math.log(3), 0f, -10f, 10f, -1f, -1f};  // weights 3/4 and 1/4, far apart
        int left = 0;
        for (int i = 0; i < n; i++) {
            left += mixture.sample(two, 0, random)[0] < 0 ? 1 : 0;
        }
        assertThat(left / (double) n).isCloseTo(0.75, within(5 * Math.sqrt(0.75 * 0.25 / n)));
    }
}
