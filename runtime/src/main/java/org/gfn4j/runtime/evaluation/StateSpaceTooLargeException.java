package org.gfn4j.runtime.evaluation;

/** The state graph is larger than the configured cap for exact evaluation. */
public class StateSpaceTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StateSpaceTooLargeException(String message) {
        super(message);
    }
}
