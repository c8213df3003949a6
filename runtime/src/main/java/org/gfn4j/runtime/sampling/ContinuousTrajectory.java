package org.gfn4j.runtime.sampling;

import java.util.List;

/**
 * A complete trajectory of a continuous environment: {@code states} s_0 … s_T and the T increments
 * taken ({@code actions[t]} leads from s_t to s_{t+1}); the object x is s_T.
 */
public record ContinuousTrajectory<S>(List<S> states, double[][] actions) {

    public ContinuousTrajectory {
        if (states.size() != actions.length + 1) {
            throw new IllegalArgumentException("a trajectory of " + actions.length + " steps visits " + (actions.length + 1)
                    + " states, got " + states.size());
        }
    }

    /** Number of steps T. */
    public int length() {
        return actions.length;
    }

    public S terminal() {
        return states.get(states.size() - 1);
    }
}
