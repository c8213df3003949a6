package org.gfn4j.api.objective;

/** A NaN or infinite number where a finite one is required; the message names the quantity and where it arose. */
public class NonFiniteValueException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    public NonFiniteValueException(String message) {
        super(message);
    }
}
