package org.gfn4j.divergences.balance;

import org.gfn4j.api.objective.NonFiniteValueException;
import org.gfn4j.api.objective.TrajectoryBatch;

/**
 * Checks shared by the flow-based balance objectives (db, subtb, fm, modified-db): a non-empty
 * batch, the per-state quantities the objective asked for present, and every number it reads
 * finite, reported with the quantity, the trajectory and the state (cases C6 and C7).
 */
final class FlowInputs {
    private FlowInputs() {
    }

    static void requireNonEmpty(TrajectoryBatch batch, String objective) {
        if (batch.size() == 0) {
            throw new IllegalArgumentException(objective + " needs at least one trajectory, the batch is empty");
        }
    }

    static double[] require(double[] values, String objective, String what, String quantity) {
        if (values == null) {
            throw new IllegalArgumentException(objective + " needs " + what + " in the batch (the runtime supplies them when"
                    + " the objective's stateQuantities() contain " + quantity + ")");
        }
        return values;
    }

    /** Fails on a non-finite per-step or per-state entry, naming trajectory i and state/step k. */
    static void requireFinite(String what, double value, int trajectory, int k) {
        if (!Double.isFinite(value)) {
            throw new NonFiniteValueException(what + " at state " + k + " of trajectory " + trajectory + " is " + value);
        }
    }

    /** The per-step log p_F and log p_B and the log-rewards, all finite. */
    static void requireFiniteSteps(TrajectoryBatch batch) {
        for (int i = 0; i < batch.size(); i++) {
            requireFinite("log r", batch.logReward()[i], i, batch.lengths()[i]);
            for (int k = 0; k <= batch.lengths()[i]; k++) {
                int r = batch.stepOffsets()[i] + k;
                requireFinite("log p_F of the transition", batch.stepLogPF()[r], i, k);
                requireFinite("log p_B of the transition", batch.stepLogPB()[r], i, k);
            }
        }
    }
}
