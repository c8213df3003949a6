package org.gfn4j.api;

/**
 * A config value that cannot be used. The message names the key, the bad value and what is allowed,
 * so that the command line can print it as is (exit code 2) without a stack trace.
 */
public class InvalidConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String key;

    public InvalidConfigException(String key, String message) {
        super(key + ": " + message);
        this.key = key;
    }

    /** The full config path of the offending key, e.g. {@code env.height}. */
    public String key() {
        return key;
    }
}
