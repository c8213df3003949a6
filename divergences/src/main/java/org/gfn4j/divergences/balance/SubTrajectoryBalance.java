package org.gfn4j.divergences.balance;

import java.util.Set;
import org.gfn4j.api.objective.BalanceObjective;
import org.gfn4j.api.objective.LossGradient;
import org.gfn4j.api.objective.StateQuantity;
import org.gfn4j.api.objective.TrajectoryBatch;

/**
 * Sub-trajectory balance SubTB(λ) (Madan et al. 2023), with a learned state flow log F(s) and the
 * λ-geometric weighting of every sub-trajectory.
 *
 * <p>A trajectory s_0 → … → s_n → s_f has positions p = 0 … n+1 with log F_p = log F(s_p) for p ≤ n
 * and log F_{n+1} = log r(x) (the sink side of the exit edge carries the reward, as in
 * {@link DetailedBalance}); step p (0 … n, the last one being exit) goes from position p to p + 1.
 * For every pair 0 ≤ j &lt; k ≤ n + 1:
 * <pre>
 *   δ_jk = log F_j + Σ_{p=j}^{k−1} (log p_F(step p) − log p_B(step p)) − log F_k,
 *   L_τ  = Σ_{j&lt;k} λ^{k−j} δ_jk² / Σ_{j&lt;k} λ^{k−j},      L = (1/N) Σ_τ L_τ.
 * </pre>
 * λ → 0 weights only single transitions (detailed balance); the pair (0, n+1) alone is trajectory
 * balance with log Z = log F(s_0). Exact gradient: with g_jk = 2 λ^{k−j} δ_jk / (N Σ λ^{k−j}),
 * ∂L/∂log F_j += g_jk, ∂L/∂log F_k −= g_jk (k ≤ n), and every step p in [j, k) gets
 * ∂L/∂log p_F += g_jk, ∂L/∂log p_B −= g_jk. The weights are computed as λ^{(k−j) − m} with m the
 * largest exponent's position, which leaves the normalised weights unchanged and cannot overflow.
 */
public final class SubTrajectoryBalance implements BalanceObjective {
    static final String NAME = "subtb";

    private final double lambda;

    public SubTrajectoryBalance(double lambda) {
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("subtb needs a finite lambda > 0, got " + lambda);
        }
        this.lambda = lambda;
    }

    public double lambda() {
        return lambda;
    }

    @Override
    public Set<StateQuantity> stateQuantities() {
        return Set.of(StateQuantity.LOG_FLOW);
    }

    @Override
    public LossGradient lossAndGradient(TrajectoryBatch batch, double logPartition) {
        FlowInputs.requireNonEmpty(batch, NAME);
        double[] stateLogFlow = FlowInputs.require(batch.stateLogFlow(), NAME, "per-state log-flows (stateLogFlow)", "LOG_FLOW");
        FlowInputs.requireFiniteSteps(batch);
        int n = batch.size();
        int total = batch.stateCount();
        double[] dStepLogPF = new double[total];
        double[] dStepLogPB = new double[total];
        double[] dLogFlow = new double[total];
        double logLambda = Math.log(lambda);
        double loss = 0;
        for (int i = 0; i < n; i++) {
            int offset = batch.stepOffsets()[i];
            int length = batch.lengths()[i];
            int positions = length + 2;
            double[] logF = new double[positions];
            double[] cumulative = new double[positions];     // Σ_{p<q} (log p_F − log p_B) of steps before position q
            for (int p = 0; p <= length; p++) {
                logF[p] = stateLogFlow[offset + p];
                FlowInputs.requireFinite("log F", logF[p], i, p);
                cumulative[p + 1] = cumulative[p] + batch.stepLogPF()[offset + p] - batch.stepLogPB()[offset + p];
            }
            logF[length + 1] = batch.logReward()[i];
            // weights λ^{d − m}, d = k − j in 1 … n+1; m = n+1 for λ > 1, else 1
            int largest = lambda > 1 ? length + 1 : 1;
            double[] weight = new double[length + 2];
            double weightSum = 0;
            for (int d = 1; d <= length + 1; d++) {
                weight[d] = Math.exp((d - largest) * logLambda);
                weightSum += weight[d] * (length + 2 - d);    // number of pairs at distance d
            }
            double[] stepDiff = new double[positions];
            double lossI = 0;
            for (int j = 0; j < positions; j++) {
                for (int k = j + 1; k < positions; k++) {
                    double delta = logF[j] + cumulative[k] - cumulative[j] - logF[k];
                    double w = weight[k - j] / weightSum;
                    lossI += w * delta * delta;
                    double g = 2 * w * delta / n;
                    dLogFlow[offset + j] += g;
                    if (k <= length) {
                        dLogFlow[offset + k] -= g;
                    }
                    stepDiff[j] += g;
                    stepDiff[k] -= g;
                }
            }
            loss += lossI / n;
            double running = 0;
            for (int p = 0; p <= length; p++) {
                running += stepDiff[p];
                dStepLogPF[offset + p] += running;
                dStepLogPB[offset + p] -= running;
            }
        }
        return new LossGradient(loss, new double[n], new double[n], 0.0, dStepLogPF, dStepLogPB, dLogFlow, null, null);
    }

    @Override
    public String toString() {
        return NAME + "(lambda=" + lambda + ")";
    }
}
