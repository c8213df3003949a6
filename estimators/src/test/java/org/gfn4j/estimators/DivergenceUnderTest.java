package org.gfn4j.estimators;

import org.gfn4j.api.objective.ScoreFunctionObjective;
import org.gfn4j.divergences.alpha.RenyiDivergence;
import org.gfn4j.divergences.alpha.TsallisDivergence;
import org.gfn4j.divergences.kl.ForwardKlDivergence;
import org.gfn4j.divergences.kl.ReverseKlDivergence;

/**
 * One divergence of the paper with everything the tests need to judge its estimates on the
 * {@link TabularGridProblem}: the exact value and gradient by enumeration, and the per-batch
 * normalisation that its documented numerics apply.
 *
 * <p>The normalisations: forward KL multiplies each batch's estimate by exp(−m), m = max_i(−λ_i);
 * Tsallis by exp(−m), m = max_i (α − 1) λ_i; Rényi divides by (α − 1) · mean g (unshifted, in
 * effect). {@link #batchCorrection} undoes them, after which the estimate is an unbiased estimate
 * of {@link #correctedScale} × the exact gradient (for the unbiased estimators).
 */
record DivergenceUnderTest(Kind kind, double alpha) {

    enum Kind { REVERSE_KL, FORWARD_KL, RENYI, TSALLIS }

    static DivergenceUnderTest reverseKl() {
        return new DivergenceUnderTest(Kind.REVERSE_KL, Double.NaN);
    }

    static DivergenceUnderTest forwardKl() {
        return new DivergenceUnderTest(Kind.FORWARD_KL, Double.NaN);
    }

    static DivergenceUnderTest renyi(double alpha) {
        return new DivergenceUnderTest(Kind.RENYI, alpha);
    }

    static DivergenceUnderTest tsallis(double alpha) {
        return new DivergenceUnderTest(Kind.TSALLIS, alpha);
    }

    ScoreFunctionObjective objective() {
        return switch (kind) {
            case REVERSE_KL -> new ReverseKlDivergence();
            case FORWARD_KL -> new ForwardKlDivergence();
            case RENYI -> new RenyiDivergence(alpha);
            case TSALLIS -> new TsallisDivergence(alpha);
        };
    }

    /** Whether each batch's estimate carries a batch-dependent factor (all but reverse KL). */
    boolean normalisedPerBatch() {
        return kind != Kind.REVERSE_KL;
    }

    /**
     * sign(α) for the α-divergences: for α &lt; 0 the objectives minimise −D_α (D_α ≤ 0 there), and so
     * do these exact values and gradients; 1 for the KL divergences.
     */
    double orientation() {
        return kind == Kind.RENYI || kind == Kind.TSALLIS ? Math.signum(alpha) : 1.0;
    }

    /** The exact (oriented) divergence D(θ) by enumeration of every trajectory. */
    double value(TabularGridProblem problem, double[] theta) {
        TabularGridProblem.Evaluation e = problem.evaluate(theta);
        double logZ = problem.logPartition();
        double value = 0;
        for (int t = 0; t < problem.size(); t++) {
            double s = e.logForward()[t];
            double logTargetPath = problem.trajectories().get(t).logTarget() - logZ; // log P_B(τ)
            switch (kind) {
                case REVERSE_KL -> value += Math.exp(s) * (s - logTargetPath);
                case FORWARD_KL -> value += Math.exp(logTargetPath) * (logTargetPath - s);
                default -> value += Math.exp(alpha * s + (1 - alpha) * logTargetPath);
            }
        }
        return switch (kind) {
            case RENYI -> orientation() * Math.log(value) / (alpha - 1);
            case TSALLIS -> orientation() * (value - 1) / (alpha - 1);
            default -> value;
        };
    }

    /**
     * ∇D(θ) from the closed forms (derived independently of the score-function table):
     * reverse KL Σ P_F (1 + s − log P_B) ∇s; forward KL −Σ P_B ∇s;
     * Rényi α/(α − 1) Σ q ∇s / Σ q and Tsallis α/(α − 1) Σ q ∇s, with q = P_F^α P_B^{1−α}
     * (times sign(α)).
     */
    double[] gradient(TabularGridProblem problem, double[] theta) {
        TabularGridProblem.Evaluation e = problem.evaluate(theta);
        double logZ = problem.logPartition();
        double[] gradient = new double[TabularGridProblem.PARAMETERS];
        double normaliser = 0;
        for (int t = 0; t < problem.size(); t++) {
            double s = e.logForward()[t];
            double logTargetPath = problem.trajectories().get(t).logTarget() - logZ;
            double weight = switch (kind) {
                case REVERSE_KL -> Math.exp(s) * (1 + s - logTargetPath);
                case FORWARD_KL -> -Math.exp(logTargetPath);
                default -> Math.exp(alpha * s + (1 - alpha) * logTargetPath);
            };
            normaliser += weight;
            for (int k = 0; k < gradient.length; k++) {
                gradient[k] += weight * e.score()[t][k];
            }
        }
        double factor = switch (kind) {
            case RENYI -> orientation() * alpha / ((alpha - 1) * normaliser);
            case TSALLIS -> orientation() * alpha / (alpha - 1);
            default -> 1.0;
        };
        for (int k = 0; k < gradient.length; k++) {
            gradient[k] *= factor;
        }
        return gradient;
    }

    /** κ: the factor that undoes this batch's normalisation (1 for reverse KL). */
    double batchCorrection(double[] lambda) {
        double max = Double.NEGATIVE_INFINITY;
        double meanG = 0;
        for (double l : lambda) {
            switch (kind) {
                case FORWARD_KL -> max = Math.max(max, -l);
                case TSALLIS -> max = Math.max(max, (alpha - 1) * l);
                case RENYI -> meanG += Math.exp((alpha - 1) * l) / lambda.length;
                default -> {
                }
            }
        }
        return switch (kind) {
            case REVERSE_KL -> 1.0;
            case FORWARD_KL, TSALLIS -> Math.exp(max);
            case RENYI -> (alpha - 1) * meanG;
        };
    }

    /**
     * K: the corrected estimates estimate K ∇D. Forward KL: Z (the dropped 1/Z); Tsallis:
     * Z^{1−α} (the dropped Z^{α−1}); Rényi: (α − 1) E_{P_F}[g] (the expectation of the batch mean
     * that was divided out).
     */
    double correctedScale(TabularGridProblem problem, double[] theta) {
        double logZ = problem.logPartition();
        return switch (kind) {
            case REVERSE_KL -> 1.0;
            case FORWARD_KL -> Math.exp(logZ);
            case TSALLIS -> Math.exp((1 - alpha) * logZ);
            case RENYI -> {
                TabularGridProblem.Evaluation e = problem.evaluate(theta);
                double expectedG = 0;
                for (int t = 0; t < problem.size(); t++) {
                    double s = e.logForward()[t];
                    double lambda = s - problem.trajectories().get(t).logTarget();
                    expectedG += Math.exp(s) * Math.exp((alpha - 1) * lambda);
                }
                yield (alpha - 1) * expectedG;
            }
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case REVERSE_KL -> "reverse-kl";
            case FORWARD_KL -> "forward-kl";
            case RENYI -> "renyi(alpha=" + alpha + ")";
            case TSALLIS -> "tsallis(alpha=" + alpha + ")";
        };
    }
}
