package org.gfn4j.environments.continuous;

import java.util.Arrays;
import java.util.Locale;

/** A state of a continuous environment: a point x ∈ R^d and its step t, compared by value. */
public record TimedPoint(double[] position, int step) {

    public TimedPoint {
        position = position.clone();
    }

    @Override
    public double[] position() {
        return position.clone();
    }

    public double coordinate(int k) {
        return position[k];
    }

    public int dimension() {
        return position.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimedPoint p && step == p.step && Arrays.equals(position, p.position);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(position) + step;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("(");
        for (int k = 0; k < position.length; k++) {
            b.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", position[k]));
        }
        return b.append(")@").append(step).toString();
    }
}
