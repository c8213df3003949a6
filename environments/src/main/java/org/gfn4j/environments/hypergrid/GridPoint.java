package org.gfn4j.environments.hypergrid;

import java.util.Arrays;

/** A point of the hypergrid: one coordinate per dimension, compared by value. */
public record GridPoint(int[] coordinates) {

    @Override
    public boolean equals(Object o) {
        return o instanceof GridPoint p && Arrays.equals(coordinates, p.coordinates);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(coordinates);
    }

    @Override
    public String toString() {
        return Arrays.toString(coordinates);
    }

    public int coordinate(int dimension) {
        return coordinates[dimension];
    }

    /** This point moved by +1 (or −1) along one dimension. */
    GridPoint moved(int dimension, int delta) {
        int[] c = coordinates.clone();
        c[dimension] += delta;
        return new GridPoint(c);
    }
}
