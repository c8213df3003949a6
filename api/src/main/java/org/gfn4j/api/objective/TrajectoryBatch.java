package org.gfn4j.api.objective;

/**
 * The per-trajectory quantities of a batch of complete trajectories, in log space and double
 * precision: what every objective reads.
 *
 * <p>Trajectory i has {@code lengths[i]} non-exit transitions followed by the exit transition, so it
 * owns {@code lengths[i] + 1} entries of the per-step arrays, starting at {@code stepOffsets[i]}.
 * The sums of the per-step arrays equal the per-trajectory totals.
 *
 * @param logPF        s_i = log p_F(τ_i): the policy's own log-probability (never an exploration mixture)
 * @param logPB        log p_B(τ_i | x_i)
 * @param logReward    log r(x_i)
 * @param lengths      non-exit transitions per trajectory
 * @param stepOffsets  start of trajectory i in the per-step arrays; length N + 1
 * @param stepLogPF    log p_F of each transition, exit included
 * @param stepLogPB    log p_B of each transition (0 for the exit transition)
 * @param stateLogFlow log F(s_k) of each visited state, laid out like the per-step arrays (entry
 *                     {@code stepOffsets[i] + k} is state s_k of trajectory i, whose outgoing
 *                     transition is step k); null unless the objective asks for
 *                     {@link StateQuantity#LOG_FLOW}
 * @param stateLogReward log r(s_k) of each visited state where exit is valid, NaN where it is not;
 *                     null unless asked for ({@link StateQuantity#LOG_REWARD})
 * @param stateLogExitProbability log p_F(exit | s_k) of each visited state, −∞ where exit is invalid;
 *                     null unless asked for ({@link StateQuantity#LOG_EXIT_PROBABILITY})
 * @param edgeFlows    the log-flows of the edges around each visited state; null unless asked for
 *                     ({@link StateQuantity#EDGE_FLOWS})
 */
public record TrajectoryBatch(
        double[] logPF,
        double[] logPB,
        double[] logReward,
        int[] lengths,
        int[] stepOffsets,
        double[] stepLogPF,
        double[] stepLogPB,
        double[] stateLogFlow,
        double[] stateLogReward,
        double[] stateLogExitProbability,
        EdgeFlows edgeFlows) {

    /** A batch without per-state quantities (the form every objective before flows used). */
    public TrajectoryBatch(double[] logPF, double[] logPB, double[] logReward, int[] lengths, int[] stepOffsets,
                           double[] stepLogPF, double[] stepLogPB) {
        this(logPF, logPB, logReward, lengths, stepOffsets, stepLogPF, stepLogPB, null, null, null, null);
    }

    public TrajectoryBatch {
        int n = logPF.length;
        if (logPB.length != n || logReward.length != n || lengths.length != n || stepOffsets.length != n + 1) {
            throw new IllegalArgumentException("trajectory arrays disagree in length: logPF " + n
                    + ", logPB " + logPB.length + ", logReward " + logReward.length + ", lengths "
                    + lengths.length + ", stepOffsets " + stepOffsets.length + " (must be N + 1)");
        }
        if (stepLogPF.length != stepOffsets[n] || stepLogPB.length != stepOffsets[n]) {
            throw new IllegalArgumentException("per-step arrays must hold " + stepOffsets[n] + " entries");
        }
        for (int i = 0; i < n; i++) {
            if (stepOffsets[i + 1] - stepOffsets[i] != lengths[i] + 1) {
                throw new IllegalArgumentException("trajectory " + i + " has " + lengths[i] + " non-exit transitions, so it owns "
                        + (lengths[i] + 1) + " per-step entries, but its offsets span " + (stepOffsets[i + 1] - stepOffsets[i]));
            }
        }
        requireStateLength("stateLogFlow", stateLogFlow, stepOffsets[n]);
        requireStateLength("stateLogReward", stateLogReward, stepOffsets[n]);
        requireStateLength("stateLogExitProbability", stateLogExitProbability, stepOffsets[n]);
        if (edgeFlows != null && edgeFlows.stateCount() != stepOffsets[n]) {
            throw new IllegalArgumentException("edgeFlows describe " + edgeFlows.stateCount() + " states, the batch visits "
                    + stepOffsets[n]);
        }
    }

    private static void requireStateLength(String name, double[] values, int states) {
        if (values != null && values.length != states) {
            throw new IllegalArgumentException(name + " must hold one entry per visited state (" + states + "), got "
                    + values.length);
        }
    }

    /** This batch with per-state quantities added (any may be null). */
    public TrajectoryBatch withStateQuantities(double[] stateLogFlow, double[] stateLogReward,
                                               double[] stateLogExitProbability, EdgeFlows edgeFlows) {
        return new TrajectoryBatch(logPF, logPB, logReward, lengths, stepOffsets, stepLogPF, stepLogPB, stateLogFlow,
                stateLogReward, stateLogExitProbability, edgeFlows);
    }

    /** Total number of visited states (= transitions, exit included) over the batch. */
    public int stateCount() {
        return stepOffsets[size()];
    }

    /** A batch without per-step detail: each trajectory is given as one step, for objectives that need totals only. */
    public static TrajectoryBatch ofTotals(double[] logPF, double[] logPB, double[] logReward) {
        int n = logPF.length;
        int[] offsets = new int[n + 1];
        for (int i = 0; i <= n; i++) {
            offsets[i] = i;
        }
        return new TrajectoryBatch(logPF, logPB, logReward, new int[n], offsets, logPF.clone(), logPB.clone());
    }

    /** Number of trajectories N. */
    public int size() {
        return logPF.length;
    }

    /** λ_i = s_i − log r(x_i) − log p_B(τ_i | x_i) = log (p_F / (p_B r)). */
    public double logRatio(int i) {
        return logPF[i] - logReward[i] - logPB[i];
    }

    /**
     * Fails with a message naming the quantity and trajectory when an input is NaN or infinite;
     * objectives call it first so that a bad number never turns into a silent NaN coefficient.
     */
    public void requireFinite() {
        for (int i = 0; i < size(); i++) {
            check("log p_F", logPF[i], i);
            check("log p_B", logPB[i], i);
            check("log r", logReward[i], i);
        }
    }

    private static void check(String what, double v, int i) {
        if (!Double.isFinite(v)) {
            throw new NonFiniteValueException(what + " of trajectory " + i + " is " + v);
        }
    }
}
