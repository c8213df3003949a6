package org.gfn4j.runtime.sampling;

import java.util.List;

/**
 * A complete trajectory s0 → … → s_n → exit: {@code states} holds s0..s_n, {@code actions} the
 * n + 1 forward actions taken (the last one is exit), so {@code states.get(n)} is the object x.
 */
public record Trajectory<S>(List<S> states, int[] actions) {

    public Trajectory {
        if (states.size() != actions.length || states.isEmpty()) {
            throw new IllegalArgumentException("a trajectory needs one action per visited state, got "
                    + states.size() + " states and " + actions.length + " actions");
        }
    }

    /** Number of non-exit transitions n. */
    public int length() {
        return actions.length - 1;
    }

    /** The terminal object x = s_n. */
    public S terminal() {
        return states.get(states.size() - 1);
    }
}
