package org.gfn4j.estimators;

import org.gfn4j.api.estimator.GradientOracle;
import org.gfn4j.api.objective.TrajectoryBatch;

/**
 * A batch of trajectories of the {@link TabularGridProblem}, given by their indices, with a
 * {@link GradientOracle} that returns Σ_i c_i ∇s_i exactly and counts its calls (each call stands
 * for one backward pass of the runtime).
 */
final class SampledBatch implements GradientOracle {
    private final TabularGridProblem problem;
    private final TabularGridProblem.Evaluation evaluation;
    private final int[] indices;
    private int calls;

    SampledBatch(TabularGridProblem problem, TabularGridProblem.Evaluation evaluation, int[] indices) {
        this.problem = problem;
        this.evaluation = evaluation;
        this.indices = indices;
    }

    TrajectoryBatch trajectories() {
        int n = indices.length;
        double[] logPF = new double[n];
        double[] logPB = new double[n];
        double[] logReward = new double[n];
        for (int i = 0; i < n; i++) {
            TabularGridProblem.Trajectory t = problem.trajectories().get(indices[i]);
            logPF[i] = evaluation.logForward()[indices[i]];
            logPB[i] = t.logBackward();
            logReward[i] = t.logReward();
        }
        return TrajectoryBatch.ofTotals(logPF, logPB, logReward);
    }

    /** λ_i of the batch. */
    double[] logRatios() {
        TrajectoryBatch batch = trajectories();
        double[] lambda = new double[batch.size()];
        for (int i = 0; i < lambda.length; i++) {
            lambda[i] = batch.logRatio(i);
        }
        return lambda;
    }

    @Override
    public double[] gradient(double[] c) {
        calls++;
        return combine(c);
    }

    /** Σ_i c_i ∇s_i without counting a call: how the test turns coefficients into a gradient. */
    double[] combine(double[] c) {
        if (c.length != indices.length) {
            throw new IllegalArgumentException("one coefficient per trajectory expected");
        }
        double[] g = new double[TabularGridProblem.PARAMETERS];
        for (int i = 0; i < c.length; i++) {
            double[] score = evaluation.score()[indices[i]];
            for (int k = 0; k < g.length; k++) {
                g[k] += c[i] * score[k];
            }
        }
        return g;
    }

    int calls() {
        return calls;
    }
}
