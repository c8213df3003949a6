package org.gfn4j.environments.phylo;

/** A malformed alignment file: the message names the source, the line and what was expected there. */
public final class AlignmentFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int line;

    AlignmentFormatException(String source, int line, String message) {
        super(source + (line > 0 ? " line " + line : "") + ": " + message);
        this.line = line;
    }

    /** The 1-based line the problem was found on (0 when it concerns the whole file). */
    public int line() {
        return line;
    }
}
