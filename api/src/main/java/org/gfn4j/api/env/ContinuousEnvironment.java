package org.gfn4j.api.env;

import java.util.List;

/**
 * A GFlowNet world with continuous states and actions: a state is a point x ∈ R^d together with its
 * step t; every trajectory starts at the fixed {@link #initialState()} (step 0), takes exactly
 * {@link #stepCount()} = T forward steps, and ends at the object x_T, whose reward is r(x_T).
 *
 * <p>A forward step adds an increment a ∈ R^d ({@link #actionDimension()} = d) that the runtime
 * draws from the policy's density given the state's features; the runtime computes the forward
 * log-density log p_F(a | s) itself, so an environment knows nothing about policies. Because the
 * step s → s + a is a translation, densities over increments and over next states coincide (no
 * Jacobian).
 *
 * <p>The backward kernel is fixed and belongs to the environment: {@link #backwardLogDensity} is
 * the closed-form log p_B(s_t | s_{t+1}) of one backward transition, so log p_B(τ | x) is the sum
 * over the trajectory. The transition into s_0 is deterministic (every trajectory starts there)
 * and contributes 0, matching the forward process, whose first state is fixed too. All
 * log-densities are with respect to Lebesgue measure on R^d; objectives read them exactly where
 * discrete environments give log-probabilities.
 *
 * <p>Implementations must be immutable after construction and safe to call from several threads.
 *
 * @param <S> the state type (a point and its step, compared by value)
 */
public non-sealed interface ContinuousEnvironment<S> extends TaskEnvironment {

    /** The single initial state s_0 (step 0). */
    S initialState();

    /** The dimension d of the actions, which is also the dimension of the points. */
    int actionDimension();

    /** The number T of forward steps of every trajectory. */
    int stepCount();

    /** The step (0 .. T) of a state. */
    int stepOf(S state);

    /** The point x ∈ R^d of a state, a fresh array. */
    double[] position(S state);

    /** The state reached from {@code state} (step t &lt; T) by adding the increment {@code action}. */
    S step(S state, double[] action);

    /**
     * log p_B(parent | child) of the fixed backward kernel, where {@code child} is at step t + 1 and
     * {@code parent} at step t; 0 for t = 0 (the deterministic return to s_0).
     */
    double backwardLogDensity(S parent, S child);

    /** log p_B(τ | x) = Σ_t log p_B(s_t | s_{t+1}) over a trajectory s_0 … s_T. */
    default double backwardLogDensity(List<S> trajectory) {
        double sum = 0;
        for (int t = 0; t + 1 < trajectory.size(); t++) {
            sum += backwardLogDensity(trajectory.get(t), trajectory.get(t + 1));
        }
        return sum;
    }

    /** The terminal state (step T) at point x, to evaluate and draw log r on a grid. */
    S terminalAt(double[] x);

    /** log r(x) of a terminal state (step T): the target's log-density up to a constant; finite. */
    double logReward(S terminal);

    /** Length of the feature vector that encodes a state for a policy network. */
    int featureSize();

    /** Writes the features of {@code state} into {@code out[offset .. offset+featureSize())}. */
    void features(S state, float[] out, int offset);

    /**
     * The box on which evaluation compares the model's terminal distribution with the target
     * (Jensen–Shannon divergence on a grid) and on which plots are drawn; it should hold nearly all
     * of the target's mass.
     */
    EvaluationBox evaluationBox();

    /** A readable form of a terminal object for sample files. */
    default String describe(S terminal) {
        return String.valueOf(terminal);
    }
}
