package org.gfn4j.runtime.training;

import org.gfn4j.api.env.Environment;
import org.gfn4j.api.math.LogSpace;
import org.gfn4j.api.objective.Objective;
import org.gfn4j.api.objective.StateQuantity;
import org.gfn4j.api.policy.Policy;

/**
 * The networks a run trains beside the forward policy, each with its own Adam optimizer:
 * <ul>
 *   <li>the state-flow network log F(s) (db, subtb): one output, its own learning rate
 *       ({@code train.flow-learning-rate});</li>
 *   <li>the learned backward policy (with {@code train.learn-backward-policy = true}): one logit per
 *       backward action, masked to the valid parents, its own learning rate
 *       ({@code train.backward-learning-rate}).</li>
 * </ul>
 * Both are <b>separate networks</b> built by the policy factory of the run ({@code policy { … }},
 * same hidden layers), not extra heads on the forward policy's trunk. Why: the {@code Policy} SPI
 * exposes logits only, so separate networks leave the sampler, the exact evaluator, plugins'
 * policies and checkpoints of p_F untouched, and give each network its own learning rate without
 * per-parameter groups; the price is one more forward and backward pass per iteration on the
 * visited states (a few milliseconds on the default hypergrid).
 */
public final class AuxiliaryNetworks {
    private final Policy flowNetwork;
    private final Policy backwardPolicy;
    private final Adam flowAdam;
    private final Adam backwardAdam;

    /** @param flowNetwork or null; @param backwardPolicy or null */
    public AuxiliaryNetworks(Policy flowNetwork, Policy backwardPolicy, double flowLearningRate, double backwardLearningRate) {
        this.flowNetwork = flowNetwork;
        this.backwardPolicy = backwardPolicy;
        this.flowAdam = flowNetwork == null ? null : new Adam(flowNetwork.parameterCount(), flowLearningRate);
        this.backwardAdam = backwardPolicy == null ? null : new Adam(backwardPolicy.parameterCount(), backwardLearningRate);
    }

    /**
     * What a checkpoint keeps of the auxiliary networks: parameters and optimizer state of each, null
     * for a network the run does not have.
     */
    public record State(float[] flowParameters, Adam.State flowOptimizer, float[] backwardParameters,
                        Adam.State backwardOptimizer) {
        public static final State NONE = new State(null, null, null, null);
    }

    /** Copies of the networks' parameters and optimizer states. */
    public State state() {
        return new State(flowNetwork == null ? null : flowNetwork.parameters(), flowAdam == null ? null : flowAdam.state(),
                backwardPolicy == null ? null : backwardPolicy.parameters(),
                backwardAdam == null ? null : backwardAdam.state());
    }

    /** Restores a checkpoint's state; it must hold exactly the networks this run has, of the same sizes. */
    public void restore(State state) {
        restore("state-flow network", flowNetwork, flowAdam, state.flowParameters(), state.flowOptimizer());
        restore("learned backward policy", backwardPolicy, backwardAdam, state.backwardParameters(), state.backwardOptimizer());
    }

    private static void restore(String what, Policy network, Adam adam, float[] parameters, Adam.State optimizer) {
        if ((network == null) != (parameters == null)) {
            throw new IllegalArgumentException(network == null
                    ? "the checkpoint holds a " + what + " that this run's configuration does not have"
                    : "the checkpoint holds no " + what + ", but this run's configuration trains one");
        }
        if (network == null) {
            return;
        }
        if (parameters.length != network.parameterCount()) {
            throw new IllegalArgumentException("the checkpoint's " + what + " has " + parameters.length
                    + " parameters, the configured one " + network.parameterCount());
        }
        network.setParameters(parameters);
        adam.restore(optimizer);
    }

    public static AuxiliaryNetworks none() {
        return new AuxiliaryNetworks(null, null, 0, 0);
    }

    /** The state-flow network, or null. */
    public Policy flowNetwork() {
        return flowNetwork;
    }

    /** The learned backward policy, or null when p_B is uniform. */
    public Policy backwardPolicy() {
        return backwardPolicy;
    }

    /** One Adam step of each network with its gradient (a null gradient leaves the network as it is). */
    void step(BatchGradients gradients) {
        step(flowNetwork, flowAdam, gradients.flow());
        step(backwardPolicy, backwardAdam, gradients.backward());
    }

    private static void step(Policy network, Adam adam, float[] gradient) {
        if (network == null || gradient == null) {
            return;
        }
        for (int k = 0; k < gradient.length; k++) {
            if (!Float.isFinite(gradient[k])) {
                throw new org.gfn4j.api.objective.NonFiniteValueException("gradient of parameter " + k + " of the "
                        + (network.outputSize() == 1 ? "state-flow network" : "backward policy") + " is " + gradient[k]);
            }
        }
        float[] parameters = network.parameters();
        adam.step(parameters, gradient);
        network.setParameters(parameters);
    }

    /**
     * The model's own estimate of log Z where the objective has one without a learned scalar:
     * log F(s_0) from the state-flow network, or for flow matching the log of the total out-flow of
     * s_0 (the log-sum-exp of the policy's valid logits there), or for modified detailed balance
     * log r(s_0) − log p_F(exit | s_0); NaN otherwise.
     */
    <S> double logPartitionEstimate(Environment<S> env, Policy policy, Objective objective) {
        float[] features = new float[env.featureSize()];
        env.features(env.initialState(), features, 0);
        if (flowNetwork != null) {
            return flowNetwork.forward(features, 1).logits()[0];
        }
        if (objective.stateQuantities().contains(StateQuantity.EDGE_FLOWS)) {
            float[] logits = policy.forward(features, 1).logits();
            boolean[] mask = new boolean[env.forwardActionCount()];
            env.forwardMask(env.initialState(), mask);
            double[] valid = new double[mask.length];
            int count = 0;
            for (int a = 0; a < mask.length; a++) {
                if (mask[a]) {
                    valid[count++] = logits[a];
                }
            }
            return LogSpace.logSumExp(valid, 0, count);
        }
        if (objective.stateQuantities().contains(StateQuantity.LOG_EXIT_PROBABILITY)) {
            // modified-db: F(s_0) = r(s_0) / p_F(exit | s_0)
            float[] logits = policy.forward(features, 1).logits();
            boolean[] mask = new boolean[env.forwardActionCount()];
            env.forwardMask(env.initialState(), mask);
            if (!mask[env.exitAction()]) {
                return Double.NaN;
            }
            double[] logProbs = new double[mask.length];
            org.gfn4j.runtime.sampling.MaskedLogSoftmax.row(logits, 0, mask, 0, mask.length, logProbs, 0, env.initialState());
            return env.logReward(env.initialState()) - logProbs[env.exitAction()];
        }
        return Double.NaN;
    }
}
