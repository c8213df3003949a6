package org.gfn4j.environments.continuous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gfn4j.api.InvalidConfigException;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.env.ContinuousEnvironment;
import org.gfn4j.api.env.EvaluationBox;
import org.junit.jupiter.api.Test;

class ContinuousTargetEnvironmentTest {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private static double logNormal(double x, double mean, double variance) {
        return -0.5 * (LOG_2PI + Math.log(variance) + (x - mean) * (x - mean) / variance);
    }

    private static ContinuousTargetEnvironment mixture() {
        GaussianMixtureFactory f = new GaussianMixtureFactory();
        return (ContinuousTargetEnvironment) f.create(ConfigSection.defaultsOf("env", f.defaults()));
    }

    /** A random trajectory x_0 = 0, x_1 … x_T. */
    private static List<TimedPoint> randomTrajectory(ContinuousTargetEnvironment env, SplittableRandom random) {
        List<TimedPoint> path = new ArrayList<>();
        TimedPoint s = env.initialState();
        path.add(s);
        for (int t = 0; t < env.stepCount(); t++) {
            s = env.step(s, new double[] {2 * StandardNormal.draw(random) + 0.3, 1.5 * StandardNormal.draw(random)});
            path.add(s);
        }
        return path;
    }

    @Test
    void backwardTransitionIsTheBrownianBridgeDensity() {
        ContinuousTargetEnvironment env = new ContinuousTargetEnvironment(new BananaTarget(2, 0.5, 0.25, -1), 10, 0.7,
                EvaluationBox.cube(2, -6, 6));
        TimedPoint parent = new TimedPoint(new double[] {0.4, -1.3}, 3);
        TimedPoint child = new TimedPoint(new double[] {1.1, -0.2}, 4);
        // p_B(x_3 | x_4) = N(x_4 * 3/4, 0.7^2 * 3/4 I)
        double variance = 0.49 * 0.75;
        double expected = logNormal(0.4, 1.1 * 0.75, variance) + logNormal(-1.3, -0.2 * 0.75, variance);
        assertThat(env.backwardLogDensity(parent, child)).isCloseTo(expected, within(1e-12));
        // the transition into s_0 is deterministic: log p_B = 0
        assertThat(env.backwardLogDensity(env.initialState(), new TimedPoint(new double[] {3, 4}, 1))).isZero();
        assertThatThrownBy(() -> env.backwardLogDensity(new TimedPoint(new double[] {1, 0}, 0),
                new TimedPoint(new double[] {3, 4}, 1))).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The whole backward trajectory density equals the Brownian walk's path density divided by the
     * walk's marginal at x_T: p_B(τ | x_T) = Π_t N(x_{t+1} − x_t; 0, σ²) / N(x_T; 0, T σ²).
     */
    @Test
    void backwardTrajectoryDensityHasTheBrownianClosedForm() {
        ContinuousTargetEnvironment env = mixture();
        double sigma2 = env.kernel().std() * env.kernel().std();
        int steps = env.stepCount();
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 20; trial++) {
            List<TimedPoint> path = randomTrajectory(env, random);
            double closedForm = 0;
            for (int t = 0; t < steps; t++) {
                for (int k = 0; k < 2; k++) {
                    closedForm += logNormal(path.get(t + 1).coordinate(k) - path.get(t).coordinate(k), 0, sigma2);
                }
            }
            for (int k = 0; k < 2; k++) {
                closedForm -= logNormal(path.get(steps).coordinate(k), 0, steps * sigma2);
            }
            assertThat(env.backwardLogDensity(path)).isCloseTo(closedForm, within(1e-9));
        }
    }

    /** Drawing backward from x_T with the kernel gives the moments of the bridge: E[x_t] = x_T t/T, Var = σ² t(T−t)/T. */
    @Test
    void backwardSamplesHaveTheBridgeMoments() {
        BrownianBridgeKernel kernel = new BrownianBridgeKernel(1.0);
        int steps = 10;
        double[] end = {4.0};
        SplittableRandom random = new SplittableRandom(11);
        int n = 40_000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double[] x = end;
            for (int t = steps - 1; t >= 4; t--) {
                x = kernel.sample(x, t, random);
            }
            sum += x[0];
            sumSq += x[0] * x[0];
        }
        double mean = sum / n;
        double variance = sumSq / n - mean * mean;
        // x_4 given x_10 = 4: mean 1.6, variance 4 * 6 / 10 = 2.4; 5 standard errors
        assertThat(mean).isCloseTo(1.6, within(5 * Math.sqrt(2.4 / n)));
        assertThat(variance).isCloseTo(2.4, within(5 * 2.4 * Math.sqrt(2.0 / n)));
        assertThat(kernel.sample(end, 0, random)).containsExactly(0.0);
    }

    /** log Z of both targets against a fine Riemann sum over a box that holds all their mass. */
    @Test
    void logPartitionsMatchNumericalIntegration() {
        for (TargetDensity target : List.of(new GaussianMixtureTarget(new double[] {-5, 0, 5}, 0.3),
                new BananaTarget(2, 0.5, 0.25, -1))) {
            double h = 0.02;
            double sum = 0;
            for (double x = -16; x < 16; x += h) {
                for (double y = -16; y < 80; y += h) {
                    sum += Math.exp(target.logDensity(new double[] {x + h / 2, y + h / 2}));
                }
            }
            assertThat(Math.log(sum * h * h)).as(target.describe()).isCloseTo(target.logPartition(), within(1e-4));
        }
        assertThat(new GaussianMixtureTarget(new double[] {-5, 0, 5}, 0.3).logPartition())
                .isCloseTo(Math.log(9 * 2 * Math.PI * 0.3), within(1e-12));
    }

    @Test
    void exactSamplesHaveTheTargetsMoments() {
        SplittableRandom random = new SplittableRandom(5);
        BananaTarget banana = new BananaTarget(2, 0.5, 0.25, -1);
        int n = 50_000;
        double meanX2 = 0;
        for (int i = 0; i < n; i++) {
            meanX2 += banana.sample(random)[1] / n;
        }
        // E[x2] = 0.25 * E[x1^2] - 1 = 0; sd of x2 = sqrt(0.25^2 * 2 * 16 + 0.25) ~ 1.5
        assertThat(meanX2).isCloseTo(0.0, within(5 * 1.5 / Math.sqrt(n)));
    }

    @Test
    void stepsFeaturesAndRewards() {
        ContinuousTargetEnvironment env = mixture();
        assertThat(env.actionDimension()).isEqualTo(2);
        assertThat(env.stepCount()).isEqualTo(10);
        assertThat(env.featureSize()).isEqualTo(12);
        TimedPoint s = env.step(env.initialState(), new double[] {4, -8});
        assertThat(s).isEqualTo(new TimedPoint(new double[] {4, -8}, 1));
        float[] f = new float[12];
        env.features(s, f, 0);
        assertThat(f).containsExactly(0.5f, -1f, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThatThrownBy(() -> env.logReward(s)).isInstanceOf(IllegalArgumentException.class);
        TimedPoint atMode = env.terminalAt(new double[] {5, 5});
        TimedPoint between = env.terminalAt(new double[] {2.5, 2.5});
        assertThat(env.logReward(atMode)).isGreaterThan(env.logReward(between) + 10);
        assertThat(env.logReward(atMode)).isCloseTo(0.0, within(1e-9));
        assertThat(env.evaluationBox().lower()).containsExactly(-8, -8);
    }

    @Test
    void factoriesValidateTheirSections() {
        GaussianMixtureFactory mixtures = new GaussianMixtureFactory();
        ContinuousEnvironment<?> four = mixtures.create(ConfigSection.of("env",
                ConfigFactory.parseString("centers = [-2, 2], variance = 1.0, steps = 4"), mixtures.defaults()));
        assertThat(((ContinuousTargetEnvironment) four).logPartition())
                .isCloseTo(Math.log(4 * 2 * Math.PI), within(1e-12));
        assertThat(four.stepCount()).isEqualTo(4);
        assertThatThrownBy(() -> mixtures.create(ConfigSection.of("env", ConfigFactory.parseString("variance = 0"),
                mixtures.defaults()))).isInstanceOf(InvalidConfigException.class).hasMessageContaining("env.variance");
        assertThatThrownBy(() -> mixtures.create(ConfigSection.of("env", ConfigFactory.parseString("box = [3, -3]"),
                mixtures.defaults()))).isInstanceOf(InvalidConfigException.class).hasMessageContaining("env.box");
        BananaFactory bananas = new BananaFactory();
        assertThat(bananas.create(ConfigSection.defaultsOf("env", bananas.defaults())).evaluationBox().upper())
                .containsExactly(6, 6);
        assertThatThrownBy(() -> bananas.create(ConfigSection.of("env", ConfigFactory.parseString("std-x2 = -1"),
                bananas.defaults()))).isInstanceOf(InvalidConfigException.class).hasMessageContaining("env.std-x2");
    }
}
