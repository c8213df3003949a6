package org.gfn4j.runtime.diagnostics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gfn4j.api.env.Environment;
import org.gfn4j.api.estimator.GradientEstimator;
import org.gfn4j.api.objective.ScoreFunctionObjective;
import org.gfn4j.api.objective.ScoreFunctionTerms;
import org.gfn4j.api.policy.Policy;
import org.gfn4j.runtime.sampling.Trajectory;
import org.gfn4j.runtime.sampling.TrajectorySampler;
import org.gfn4j.runtime.training.BatchScorer;
import org.gfn4j.runtime.training.ScoredBatch;

/**
 * The variance of gradient estimators at fixed parameters: for each batch size, R independent
 * batches are drawn, and every estimator is applied to the same batches (common random numbers,
 * so that differences between estimators are not sampling noise). The figure reported is the trace
 * of the covariance of the parameter-space gradient estimate, Σ_k Var(ĝ_k), with the unbiased
 * (R − 1) denominator.
 */
public final class GradientVariance<S> {
    private final Environment<S> env;
    private final Policy policy;
    private final ScoreFunctionObjective objective;
    private final long seed;

    public GradientVariance(Environment<S> env, Policy policy, ScoreFunctionObjective objective, long seed) {
        this.env = env;
        this.policy = policy;
        this.objective = objective;
        this.seed = seed;
    }

    /** One row of results. */
    public record Row(String estimator, int batchSize, int repeats, double covarianceTrace, double meanGradientNormSquared) {
    }

    public List<Row> measure(List<Integer> batchSizes, int repeats, Map<String, GradientEstimator> estimators) {
        List<Row> rows = new ArrayList<>();
        TrajectorySampler<S> sampler = new TrajectorySampler<>(env, policy, 1, null);
        BatchScorer<S> scorer = new BatchScorer<>(env, policy);
        int p = policy.parameterCount();
        for (int batchSize : batchSizes) {
            Map<String, double[]> sums = new LinkedHashMap<>();
            Map<String, double[]> squares = new LinkedHashMap<>();
            for (String name : estimators.keySet()) {
                sums.put(name, new double[p]);
                squares.put(name, new double[p]);
            }
            for (int r = 0; r < repeats; r++) {
                List<Trajectory<S>> batch = sampler.sample(batchSize, seed + 7919L * batchSize, r, 0.0);
                ScoredBatch scored = scorer.score(batch);
                ScoreFunctionTerms terms = objective.terms(scored.batch());
                for (Map.Entry<String, GradientEstimator> e : estimators.entrySet()) {
                    double[] g = scored.gradient(e.getValue().coefficients(terms, scored));
                    double[] sum = sums.get(e.getKey());
                    double[] sq = squares.get(e.getKey());
                    for (int k = 0; k < p; k++) {
                        sum[k] += g[k];
                        sq[k] += g[k] * g[k];
                    }
                }
            }
            for (String name : estimators.keySet()) {
                double[] sum = sums.get(name);
                double[] sq = squares.get(name);
                double trace = 0;
                double meanNorm = 0;
                for (int k = 0; k < p; k++) {
                    double mean = sum[k] / repeats;
                    trace += (sq[k] - repeats * mean * mean) / (repeats - 1);
                    meanNorm += mean * mean;
                }
                rows.add(new Row(name, batchSize, repeats, Math.max(trace, 0), meanNorm));
            }
        }
        return rows;
    }
}
