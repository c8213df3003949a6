package org.gfn4j.environments.sets;

import java.util.StringJoiner;

/**
 * A subset of the ground set {0 .. size−1}, stored as a bitmask (bit d set when element d is in the
 * set). A record of one {@code long}, so equality and hashing are by value and free.
 */
public record ElementSet(long members) {

    /** The empty set, the initial state. */
    public static final ElementSet EMPTY = new ElementSet(0L);

    /** A set holding exactly the given elements. */
    public static ElementSet of(int... elements) {
        long bits = 0;
        for (int e : elements) {
            bits |= 1L << e;
        }
        return new ElementSet(bits);
    }

    public int size() {
        return Long.bitCount(members);
    }

    public boolean contains(int element) {
        return (members >>> element & 1L) != 0;
    }

    ElementSet with(int element) {
        return new ElementSet(members | 1L << element);
    }

    ElementSet without(int element) {
        return new ElementSet(members & ~(1L << element));
    }

    /** The elements in increasing order, e.g. {@code {0, 3, 5}}. */
    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ", "{", "}");
        for (long rest = members; rest != 0; rest &= rest - 1) {
            joiner.add(Integer.toString(Long.numberOfTrailingZeros(rest)));
        }
        return joiner.toString();
    }
}
