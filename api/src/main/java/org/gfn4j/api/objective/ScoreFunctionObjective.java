package org.gfn4j.api.objective;

/**
 * A divergence D(P_F ‖ P_B) whose gradient has the score-function form
 * scale · E_{τ~P_F}[ f'(τ) ∇s(τ) + f(τ) ∇s(τ) ] with s = log p_F(τ; θ) (see MATH.md).
 * Such objectives need a fixed backward policy and no log Z.
 */
public non-sealed interface ScoreFunctionObjective extends Objective {

    /** f_i, f'_i, the scaling and a value estimate for the batch; fails on non-finite inputs. */
    ScoreFunctionTerms terms(TrajectoryBatch batch);

    @Override
    default boolean allowsLearnedBackwardPolicy() {
        return false;
    }

    @Override
    default boolean allowsOffPolicySamples() {
        return false;
    }
}
