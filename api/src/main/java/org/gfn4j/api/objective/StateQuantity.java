package org.gfn4j.api.objective;

/**
 * A per-state quantity that an objective may read from a {@link TrajectoryBatch}, beyond the
 * per-trajectory and per-step log-probabilities that every batch carries. An objective lists the
 * ones it needs in {@link Objective#stateQuantities()}; the runtime computes only those (each costs
 * network passes or environment calls) and leaves the others {@code null}.
 *
 * <p>Per-state arrays share the layout of the per-step arrays: entry {@code stepOffsets[i] + k} is
 * about state s_k of trajectory i (k = 0 … lengths[i]), whose outgoing transition is step k.
 */
public enum StateQuantity {
    /** {@link TrajectoryBatch#stateLogFlow()}: log F(s_k) from a learned state-flow network (db, subtb). */
    LOG_FLOW,
    /** {@link TrajectoryBatch#stateLogReward()}: log r(s_k) where exit is valid at s_k, NaN elsewhere (modified-db, fm). */
    LOG_REWARD,
    /** {@link TrajectoryBatch#stateLogExitProbability()}: log p_F(exit | s_k), −∞ where exit is invalid (modified-db). */
    LOG_EXIT_PROBABILITY,
    /** {@link TrajectoryBatch#edgeFlows()}: the log-flows of every edge into and out of each visited state (fm). */
    EDGE_FLOWS
}
