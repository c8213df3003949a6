package org.gfn4j.environments.sequences;

import java.util.Arrays;

/** A sequence of tokens (each in 0 .. vocab−1), compared by value; the empty sequence is s0. */
public record TokenSequence(int[] tokens) {

    public static final TokenSequence EMPTY = new TokenSequence(new int[0]);

    public static TokenSequence of(int... tokens) {
        return new TokenSequence(tokens.clone());
    }

    public int length() {
        return tokens.length;
    }

    public int token(int position) {
        return tokens[position];
    }

    /** The last token; the sequence must not be empty. */
    public int last() {
        return tokens[tokens.length - 1];
    }

    TokenSequence appended(int token) {
        int[] t = Arrays.copyOf(tokens, tokens.length + 1);
        t[tokens.length] = token;
        return new TokenSequence(t);
    }

    TokenSequence withoutLast() {
        return new TokenSequence(Arrays.copyOf(tokens, tokens.length - 1));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenSequence s && Arrays.equals(tokens, s.tokens);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tokens);
    }

    @Override
    public String toString() {
        return Arrays.toString(tokens);
    }
}
