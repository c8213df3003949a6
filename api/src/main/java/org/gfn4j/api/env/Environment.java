package org.gfn4j.api.env;

import java.util.List;

/**
 * A pointed DAG of states with a reward on terminal objects: the world a GFlowNet samples in.
 *
 * <p>Forward actions are numbered {@code 0 .. forwardActionCount()-1}; the last one is <em>exit</em>:
 * taking it at state {@code x} ends the trajectory and makes {@code x} the sampled object. Backward
 * actions, numbered {@code 0 .. backwardActionCount()-1}, lead from a state to one of its parents.
 * Masks say which actions are valid; a masked action has probability exactly zero.
 *
 * <p>States are plain Java values (records, arrays wrapped in records) and must implement
 * {@code equals}/{@code hashCode} by value, because exact evaluation keys maps by state. An
 * environment knows nothing about networks or losses. Implementations must be immutable after
 * construction and safe to call from several sampler threads at once.
 *
 * @param <S> the state type
 */
public non-sealed interface Environment<S> extends TaskEnvironment {

    /** The single initial state s0. */
    S initialState();

    /** Number of forward actions, exit included (exit is the last). */
    int forwardActionCount();

    /** The exit action: the last forward action. */
    default int exitAction() {
        return forwardActionCount() - 1;
    }

    /** Number of backward actions (moves to a parent). */
    int backwardActionCount();

    /** Fills {@code mask[0 .. forwardActionCount())}: true where the action is valid at {@code state}. */
    void forwardMask(S state, boolean[] mask);

    /** Fills {@code mask[0 .. backwardActionCount())}: true for each backward action to a valid parent; all false at s0. */
    void backwardMask(S state, boolean[] mask);

    /** The child reached by a valid, non-exit forward action. */
    S step(S state, int action);

    /** The parent reached by a valid backward action. */
    S backwardStep(S state, int backwardAction);

    /**
     * The forward action that leads from {@code backwardStep(state, backwardAction)} back to
     * {@code state}: how a backward move is read as a forward transition.
     */
    int forwardActionFor(S state, int backwardAction);

    /** log r(x) of a state at which exit is valid; must be finite. */
    double logReward(S terminal);

    /** An upper bound on the number of non-exit steps of any trajectory. */
    int maxTrajectoryLength();

    /** Length of the feature vector that encodes a state for a policy network. */
    int featureSize();

    /** Writes the features of {@code state} into {@code out[offset .. offset+featureSize())}. */
    void features(S state, float[] out, int offset);

    /** Features of a batch of states, row after row. */
    default void features(List<S> states, float[] out) {
        int size = featureSize();
        for (int i = 0; i < states.size(); i++) {
            features(states.get(i), out, i * size);
        }
    }

    /** Forward masks of a batch of states, row after row ({@code forwardActionCount()} per row). */
    default void forwardMasks(List<S> states, boolean[] out) {
        int width = forwardActionCount();
        boolean[] row = new boolean[width];
        for (int i = 0; i < states.size(); i++) {
            forwardMask(states.get(i), row);
            System.arraycopy(row, 0, out, i * width, width);
        }
    }

    /** A readable form of a terminal object for sample files: coordinates, element lists, Newick. */
    default String describe(S terminal) {
        return String.valueOf(terminal);
    }
}
