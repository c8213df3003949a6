package org.gfn4j.api.metric;

/**
 * The model's and the target's distributions over the same enumerated terminal objects, computed
 * exactly, plus the exact and the learned log Z. When the state space is too large to enumerate,
 * {@code model}, {@code target} and {@code logRewards} are null (metrics that need them report NaN)
 * and {@code exactLogPartition} is the environment's known log Z, or NaN.
 *
 * @param model            p_T(x) of the model, summing to 1
 * @param target           π(x) = r(x)/Z, summing to 1
 * @param logRewards       log r(x)
 * @param exactLogPartition  log Z
 * @param learnedLogPartition the model's log Z, NaN when the objective learns none
 */
public record TerminalDistributions(double[] model, double[] target, double[] logRewards,
                                    double exactLogPartition, double learnedLogPartition) {

    /** True when the distributions were enumerated (the arrays are present). */
    public boolean enumerated() {
        return model != null;
    }
}
