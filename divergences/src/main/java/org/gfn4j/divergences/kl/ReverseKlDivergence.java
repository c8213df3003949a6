package org.gfn4j.divergences.kl;

import org.gfn4j.api.math.LogSpace;
import org.gfn4j.api.objective.ScoreFunctionObjective;
import org.gfn4j.api.objective.ScoreFunctionTerms;
import org.gfn4j.api.objective.TrajectoryBatch;
import org.gfn4j.divergences.LogRatios;

/**
 * The reverse (mode-seeking) Kullback–Leibler divergence KL(P_F ‖ P_B) = E_{P_F}[λ] + log Z, with
 * λ = log p_F(τ) − log r(x) − log p_B(τ | x).
 *
 * <p>Gradient: ∇KL = E_{P_F}[∇λ + λ ∇s] = E_{P_F}[(1 + λ) ∇s], i.e. the score-function terms
 * f_i = λ_i, f'_i = 1, scale 1. These are exact: no shift, no normalisation, log Z not needed
 * (it would multiply E[∇s] = 0).
 *
 * <p>Value estimate: mean λ + log Ẑ with log Ẑ = log mean exp(−λ_i), the importance-sampling
 * estimate of Z = E_{P_F}[r p_B / p_F]. It is a consistent estimate, biased upwards for finite N
 * (it is never negative, by Jensen's inequality).
 */
public final class ReverseKlDivergence implements ScoreFunctionObjective {
    static final String NAME = "reverse-kl";

    @Override
    public ScoreFunctionTerms terms(TrajectoryBatch batch) {
        double[] lambda = LogRatios.of(batch, NAME, 1);
        int n = lambda.length;
        double[] fPrime = new double[n];
        double[] negLambda = new double[n];
        double meanLambda = 0;
        for (int i = 0; i < n; i++) {
            fPrime[i] = 1.0;
            negLambda[i] = -lambda[i];
            meanLambda += lambda[i] / n;
        }
        double value = meanLambda + LogSpace.logMeanExp(negLambda);
        return new ScoreFunctionTerms(lambda, fPrime, 1.0, value);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
