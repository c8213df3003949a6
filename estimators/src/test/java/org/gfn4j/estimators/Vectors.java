package org.gfn4j.estimators;

/** The few vector operations the gradient tests compare with. */
final class Vectors {
    private Vectors() {
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += a[k] * b[k];
        }
        return sum;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    static double cosine(double[] a, double[] b) {
        return dot(a, b) / (norm(a) * norm(b));
    }

    static double[] scaled(double[] a, double factor) {
        double[] out = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            out[k] = a[k] * factor;
        }
        return out;
    }

    static double[] minus(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            out[k] = a[k] - b[k];
        }
        return out;
    }

    /** ‖a − b‖ / ‖b‖. */
    static double relativeError(double[] a, double[] b) {
        return norm(minus(a, b)) / norm(b);
    }
}
