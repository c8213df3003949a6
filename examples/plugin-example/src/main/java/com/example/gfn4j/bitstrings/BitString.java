package com.example.gfn4j.bitstrings;

import java.util.Arrays;

/**
 * A partly filled string of n bits: each position is {@link #UNSET}, 0 or 1. Compared by value, as
 * gfn4j requires of states (exact evaluation keys maps by state).
 */
public record BitString(byte[] bits) {
    public static final byte UNSET = -1;

    /** The empty string of length n: every position unset. */
    static BitString empty(int n) {
        byte[] bits = new byte[n];
        Arrays.fill(bits, UNSET);
        return new BitString(bits);
    }

    /** A complete string from text such as {@code "0110"}. */
    static BitString parse(String text) {
        byte[] bits = new byte[text.length()];
        for (int i = 0; i < bits.length; i++) {
            char c = text.charAt(i);
            if (c != '0' && c != '1') {
                throw new IllegalArgumentException("not a bit string: '" + text + "'");
            }
            bits[i] = (byte) (c - '0');
        }
        return new BitString(bits);
    }

    public int length() {
        return bits.length;
    }

    public byte bit(int position) {
        return bits[position];
    }

    public boolean isComplete() {
        for (byte b : bits) {
            if (b == UNSET) {
                return false;
            }
        }
        return true;
    }

    /** This string with one position set (value 0 or 1) or unset ({@link #UNSET}). */
    BitString with(int position, byte value) {
        byte[] copy = bits.clone();
        copy[position] = value;
        return new BitString(copy);
    }

    /** Number of positions where two complete strings differ. */
    int hammingDistance(BitString other) {
        int d = 0;
        for (int i = 0; i < bits.length; i++) {
            d += bits[i] != other.bits[i] ? 1 : 0;
        }
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BitString s && Arrays.equals(bits, s.bits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bits);
    }

    /** {@code 01?1}: unset positions as {@code ?}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(bits.length);
        for (byte b : bits) {
            text.append(b == UNSET ? '?' : (char) ('0' + b));
        }
        return text.toString();
    }
}
