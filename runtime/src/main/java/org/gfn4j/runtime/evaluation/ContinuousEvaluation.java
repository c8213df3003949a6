package org.gfn4j.runtime.evaluation;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.gfn4j.api.env.ContinuousEnvironment;
import org.gfn4j.api.env.EvaluationBox;
import org.gfn4j.api.policy.Policy;
import org.gfn4j.runtime.sampling.ActionDensity;
import org.gfn4j.runtime.sampling.RandomStreams;

/**
 * Evaluation of a policy on a continuous environment from M model samples (their own random
 * stream, so evaluating never changes what training draws):
 * <ul>
 *   <li>{@code jsd}: the Jensen–Shannon divergence, in nats (between 0 and ln 2), between the
 *       histogram of the samples' end points x_T and the target on a grid of G cells per side over
 *       the environment's {@link EvaluationBox}, plus one cell for everything outside the box. The
 *       target's cell masses are ∫_cell r(x) dx / Z by the midpoint rule on 5 × 5 (…) sub-points per
 *       cell; with an exact log Z the outside cell gets 1 − Σ cells, without one the target is
 *       normalised over the box (outside mass 0).</li>
 *   <li>{@code logz_elbo}: the ELBO-type estimate mean_i [log r(x_i) + log p_B(τ_i | x_i) − log p_F(τ_i)]
 *       of log Z (a lower bound in expectation, exact when P_F = P_B), and {@code logz_elbo_error}
 *       = |logz_elbo − log Z| where log Z is known.</li>
 * </ul>
 */
public final class ContinuousEvaluation<S> {
    /** Sub-points per cell side for integrating the target over a cell. */
    static final int SUBDIVISIONS = 5;
    private static final int CHUNK = 2048;

    private final ContinuousEnvironment<S> env;
    private final ActionDensity density;
    private final int grid;
    private final int samples;
    private final long seed;
    private final double logPartition;
    private final EvaluationBox box;
    private final double[] target;

    public ContinuousEvaluation(ContinuousEnvironment<S> env, ActionDensity density, int grid, int samples, long seed,
                                double logPartition) {
        this.env = env;
        this.density = density;
        this.grid = grid;
        this.samples = samples;
        this.seed = seed;
        this.logPartition = logPartition;
        this.box = env.evaluationBox();
        if (box.dimension() != env.actionDimension()) {
            throw new IllegalArgumentException("the evaluation box has " + box.dimension() + " sides, the points "
                    + env.actionDimension() + " coordinates");
        }
        if (Math.pow(grid, box.dimension()) > 4_000_000) {
            throw new IllegalArgumentException("a grid of " + grid + " cells per side in " + box.dimension()
                    + " dimensions has more than 4,000,000 cells");
        }
        this.target = targetCellMasses(env, box, grid, logPartition);
    }

    /** Column names, in order, with their definitions. */
    public Map<String, String> definitions() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("jsd", String.format(Locale.ROOT, "jsd = Jensen-Shannon divergence (nats, 0 .. ln 2) between the histogram of %d"
                + " model samples and the target integrated per cell, on a %d x %d grid over %s plus one cell outside it",
                samples, grid, grid, box));
        d.put("logz_elbo", "logz_elbo = mean over " + samples + " model samples of log r(x) + log p_B(tau|x) - log p_F(tau)"
                + " (ELBO-type estimate of log Z)");
        if (Double.isFinite(logPartition)) {
            d.put("logz_elbo_error", String.format(Locale.ROOT, "logz_elbo_error = |logz_elbo - log Z|, exact log Z = %.4f",
                    logPartition));
        }
        return d;
    }

    /** The model's samples and the numbers computed from them. */
    public record Result(double[][] points, Map<String, Double> metrics) {
    }

    /** Draws M trajectories with the stream of {@code iteration} and evaluates them. */
    public Result evaluate(Policy policy, long iteration) {
        SplittableRandom random = RandomStreams.forSampling(seed ^ 0x436F6E74L, iteration, 0);
        int steps = env.stepCount();
        int featureSize = env.featureSize();
        int width = density.parameterCount();
        double[][] points = new double[samples][];
        double elbo = 0;
        float[] features = new float[Math.min(CHUNK, samples) * featureSize];
        for (int start = 0; start < samples; start += CHUNK) {
            int count = Math.min(CHUNK, samples - start);
            Object[] states = new Object[count];
            double[] logRatio = new double[count];
            S s0 = env.initialState();
            for (int i = 0; i < count; i++) {
                states[i] = s0;
            }
            for (int t = 0; t < steps; t++) {
                for (int i = 0; i < count; i++) {
                    env.features(state(states, i), features, i * featureSize);
                }
                float[] outputs = policy.forward(features, count).logits();
                for (int i = 0; i < count; i++) {
                    double[] a = density.sample(outputs, i * width, random);
                    S next = env.step(state(states, i), a);
                    logRatio[i] += env.backwardLogDensity(state(states, i), next) - density.logDensity(outputs, i * width, a);
                    states[i] = next;
                }
            }
            for (int i = 0; i < count; i++) {
                S x = state(states, i);
                points[start + i] = env.position(x);
                elbo += env.logReward(x) + logRatio[i];
            }
        }
        elbo /= samples;
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("jsd", jensenShannon(histogram(points, box, grid), target));
        metrics.put("logz_elbo", elbo);
        if (Double.isFinite(logPartition)) {
            metrics.put("logz_elbo_error", Math.abs(elbo - logPartition));
        }
        return new Result(points, metrics);
    }

    @SuppressWarnings("unchecked")
    private S state(Object[] states, int i) {
        return (S) states[i];
    }

    public int grid() {
        return grid;
    }

    public int samples() {
        return samples;
    }

    /** The target's mass per cell (row-major, the first coordinate slowest), then the mass outside the box. */
    public double[] targetMasses() {
        return target.clone();
    }

    /** The cell of a point (row-major, first coordinate slowest), or −1 outside the box. */
    static int cellOf(double[] x, EvaluationBox box, int grid) {
        double[] lo = box.lower();
        double[] hi = box.upper();
        int index = 0;
        for (int k = 0; k < x.length; k++) {
            double u = (x[k] - lo[k]) / (hi[k] - lo[k]);
            if (!(u >= 0 && u < 1)) {
                return -1;
            }
            index = index * grid + Math.min(grid - 1, (int) (u * grid));
        }
        return index;
    }

    /** Fractions of the points per cell, then the fraction outside the box. */
    public static double[] histogram(double[][] points, EvaluationBox box, int grid) {
        int cells = (int) Math.pow(grid, box.dimension());
        double[] h = new double[cells + 1];
        for (double[] x : points) {
            int c = cellOf(x, box, grid);
            h[c < 0 ? cells : c] += 1.0 / points.length;
        }
        return h;
    }

    /** ∫_cell r / Z per cell by the midpoint rule on sub-points, then the mass outside (see the class comment). */
    public static double[] targetCellMasses(ContinuousEnvironment<?> env, EvaluationBox box, int grid, double logPartition) {
        return targetCellMasses(x -> logRewardAt(env, x), box, grid, logPartition);
    }

    /** The same for any log-density known up to the constant {@code logPartition} (NaN: normalise over the box). */
    public static double[] targetCellMasses(java.util.function.ToDoubleFunction<double[]> logDensity, EvaluationBox box,
                                            int grid, double logPartition) {
        int d = box.dimension();
        int cells = (int) Math.pow(grid, d);
        double[] lo = box.lower();
        double[] hi = box.upper();
        int perCell = (int) Math.pow(SUBDIVISIONS, d);
        double subVolume = 1;
        for (int k = 0; k < d; k++) {
            subVolume *= (hi[k] - lo[k]) / grid / SUBDIVISIONS;
        }
        double[] logMass = new double[cells];
        double[] x = new double[d];
        double[] terms = new double[perCell];
        for (int c = 0; c < cells; c++) {
            for (int s = 0; s < perCell; s++) {
                int cell = c;
                int sub = s;
                for (int k = d - 1; k >= 0; k--) {
                    int ck = cell % grid;
                    int sk = sub % SUBDIVISIONS;
                    cell /= grid;
                    sub /= SUBDIVISIONS;
                    x[k] = lo[k] + (hi[k] - lo[k]) * (ck + (sk + 0.5) / SUBDIVISIONS) / grid;
                }
                terms[s] = logDensity.applyAsDouble(x);
            }
            logMass[c] = org.gfn4j.api.math.LogSpace.logSumExp(terms) + Math.log(subVolume);
        }
        double normaliser = Double.isFinite(logPartition) ? logPartition : org.gfn4j.api.math.LogSpace.logSumExp(logMass);
        double[] masses = new double[cells + 1];
        double inside = 0;
        for (int c = 0; c < cells; c++) {
            masses[c] = Math.exp(logMass[c] - normaliser);
            inside += masses[c];
        }
        masses[cells] = Math.max(0, 1 - inside);
        // the midpoint rule may overshoot 1 by a hair: renormalise so both sides are distributions
        double total = inside + masses[cells];
        for (int c = 0; c <= cells; c++) {
            masses[c] /= total;
        }
        return masses;
    }

    /** log r(x) at a point x. */
    public static <S> double logRewardAt(ContinuousEnvironment<S> env, double[] x) {
        return env.logReward(env.terminalAt(x.clone()));
    }

    /** JSD(p, q) = ½ KL(p ‖ m) + ½ KL(q ‖ m), m = (p + q)/2, in nats. */
    public static double jensenShannon(double[] p, double[] q) {
        if (p.length != q.length) {
            throw new IllegalArgumentException("distributions differ in length: " + p.length + " and " + q.length);
        }
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double m = (p[i] + q[i]) / 2;
            if (p[i] > 0) {
                sum += 0.5 * p[i] * Math.log(p[i] / m);
            }
            if (q[i] > 0) {
                sum += 0.5 * q[i] * Math.log(q[i] / m);
            }
        }
        return Math.max(0, sum);
    }
}
