package org.gfn4j.runtime.sampling;

import org.gfn4j.api.objective.NonFiniteValueException;

/**
 * log-softmax over the valid actions of each row, in double precision. Masked actions get exactly
 * {@code -Infinity} (probability exactly 0) and never enter the normaliser; this is built from
 * primitives because ND4J's log-softmax turns masked logits into NaN.
 */
public final class MaskedLogSoftmax {
    private MaskedLogSoftmax() {
    }

    /**
     * Writes log-probabilities of one row into {@code out[outOffset .. outOffset+width)}.
     *
     * @param state the state of the row, named in error messages
     */
    public static void row(float[] logits, int offset, boolean[] mask, int maskOffset, int width, double[] out,
                           int outOffset, Object state) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < width; k++) {
            if (mask[maskOffset + k]) {
                double z = logits[offset + k];
                if (!Double.isFinite(z)) {
                    throw new NonFiniteValueException("logit of action " + k + " at state " + state + " is " + z);
                }
                max = Math.max(max, z);
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            throw new IllegalStateException("no valid action at state " + state + ": the environment's mask is empty");
        }
        double sum = 0;
        for (int k = 0; k < width; k++) {
            if (mask[maskOffset + k]) {
                sum += Math.exp(logits[offset + k] - max);
            }
        }
        double logNormaliser = max + Math.log(sum);
        for (int k = 0; k < width; k++) {
            out[outOffset + k] = mask[maskOffset + k] ? logits[offset + k] - logNormaliser : Double.NEGATIVE_INFINITY;
        }
    }
}
