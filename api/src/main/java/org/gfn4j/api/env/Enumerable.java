package org.gfn4j.api.env;

import java.util.List;

/**
 * An environment whose terminal objects can be listed, so that the target distribution and the
 * model's terminal distribution can be computed exactly.
 */
public interface Enumerable<S> {

    /**
     * Every object at which exit is valid, each once. Implementations refuse (with an
     * {@link IllegalStateException} that says how many there would be) when there are more than
     * {@code cap}.
     */
    List<S> terminalStates(long cap);
}
