package org.gfn4j.runtime.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gfn4j.api.env.Environment;
import org.gfn4j.api.objective.EdgeFlows;
import org.gfn4j.api.objective.StateQuantity;
import org.gfn4j.api.objective.TrajectoryBatch;
import org.gfn4j.api.policy.Policy;
import org.gfn4j.runtime.sampling.MaskedLogSoftmax;
import org.gfn4j.runtime.sampling.Trajectory;

/**
 * Computes log p_F, log p_B and log r of sampled trajectories with the <em>current</em> policy, in
 * one batched forward pass. Log-probabilities are always recomputed here, never carried over from
 * sampling or from a replay buffer, so exploration (ε-greedy, temperature) never leaks into the
 * loss and no value from before an optimizer step is ever reused (cases C1, C2).
 *
 * <p>The backward policy is uniform over valid parents, log p_B(s_t | s_{t+1}) = −log |parents(s_{t+1})|,
 * unless a learned backward network is given: then it is that network's masked log-softmax over the
 * valid parents of s_{t+1}. Either way there is one term per non-exit transition, and 0 for the
 * exit transition.
 *
 * <p>Per-state quantities are computed when the objective asks for them
 * ({@link org.gfn4j.api.objective.Objective#stateQuantities()}): log F(s) from the state-flow
 * network; log r(s) and log p_F(exit | s) of every visited state; and for flow matching the
 * edge flows around every visited state. gfn4j reads the forward policy's raw logits as log edge
 * flows (so p_F is the normalised edge flow); the in-edges of a state need its parents' logits,
 * so the parents are appended to the forward pass as extra rows.
 */
public final class BatchScorer<S> {
    private final Environment<S> env;
    private final Policy policy;
    private final Policy flowNetwork;
    private final Policy backwardPolicy;
    private final Set<StateQuantity> quantities;

    public BatchScorer(Environment<S> env, Policy policy) {
        this(env, policy, null, null, Set.of());
    }

    /**
     * @param flowNetwork    log F(s) as a one-output network, or null (required for {@link StateQuantity#LOG_FLOW})
     * @param backwardPolicy a network with one logit per backward action, or null for the uniform p_B
     * @param quantities     the per-state quantities to compute
     */
    public BatchScorer(Environment<S> env, Policy policy, Policy flowNetwork, Policy backwardPolicy,
                       Set<StateQuantity> quantities) {
        if (quantities.contains(StateQuantity.LOG_FLOW) && flowNetwork == null) {
            throw new IllegalArgumentException("the objective reads log F(s) but no state-flow network was given");
        }
        if (flowNetwork != null && flowNetwork.outputSize() != 1) {
            throw new IllegalArgumentException("the state-flow network must have one output, it has " + flowNetwork.outputSize());
        }
        if (backwardPolicy != null && backwardPolicy.outputSize() != env.backwardActionCount()) {
            throw new IllegalArgumentException("the backward policy has " + backwardPolicy.outputSize()
                    + " outputs, the environment " + env.backwardActionCount() + " backward actions");
        }
        this.env = env;
        this.policy = policy;
        this.flowNetwork = flowNetwork;
        this.backwardPolicy = backwardPolicy;
        this.quantities = Set.copyOf(quantities);
    }

    public ScoredBatch score(List<Trajectory<S>> trajectories) {
        int n = trajectories.size();
        if (n == 0) {
            throw new IllegalArgumentException("cannot score an empty batch of trajectories");
        }
        int width = env.forwardActionCount();
        int exit = env.exitAction();
        int featureSize = env.featureSize();
        int[] offsets = new int[n + 1];
        for (int i = 0; i < n; i++) {
            offsets[i + 1] = offsets[i] + trajectories.get(i).actions().length;
        }
        int rows = offsets[n];
        List<S> rowStates = new ArrayList<>(rows);
        boolean[] masks = new boolean[rows * width];
        boolean[] row = new boolean[width];
        int[] actions = new int[rows];
        int[] rowTrajectory = new int[rows];
        for (int i = 0; i < n; i++) {
            Trajectory<S> t = trajectories.get(i);
            for (int k = 0; k <= t.length(); k++) {
                int r = offsets[i] + k;
                S s = t.states().get(k);
                rowStates.add(s);
                env.forwardMask(s, row);
                System.arraycopy(row, 0, masks, r * width, width);
                actions[r] = t.actions()[k];
                rowTrajectory[r] = i;
            }
        }
        ParentRows<S> parents = quantities.contains(StateQuantity.EDGE_FLOWS) ? parentRows(trajectories, offsets) : null;
        int forwardRows = rows + (parents == null ? 0 : parents.states.size());
        float[] features = new float[forwardRows * featureSize];
        for (int r = 0; r < rows; r++) {
            env.features(rowStates.get(r), features, r * featureSize);
        }
        for (int p = 0; parents != null && p < parents.states.size(); p++) {
            env.features(parents.states.get(p), features, (rows + p) * featureSize);
        }
        Policy.Forward forward = policy.forward(features, forwardRows);
        float[] logits = forward.logits();
        double[] logProbs = new double[rows * width];
        double[] probabilities = new double[rows * width];
        double[] stepLogPF = new double[rows];
        double[] stepLogPB = new double[rows];
        double[] logPF = new double[n];
        double[] logPB = new double[n];
        double[] logReward = new double[n];
        int[] lengths = new int[n];
        BackwardScores backward = backwardPolicy == null ? null : backwardScores(trajectories, offsets, rowStates, features);
        boolean[] parentMask = new boolean[env.backwardActionCount()];
        for (int i = 0; i < n; i++) {
            Trajectory<S> t = trajectories.get(i);
            lengths[i] = t.length();
            for (int k = 0; k <= t.length(); k++) {
                int r = offsets[i] + k;
                MaskedLogSoftmax.row(logits, r * width, masks, r * width, width, logProbs, r * width, t.states().get(k));
                for (int a = 0; a < width; a++) {
                    probabilities[r * width + a] = Math.exp(logProbs[r * width + a]);
                }
                stepLogPF[r] = logProbs[r * width + actions[r]];
                if (k < t.length()) {
                    if (backward != null) {
                        int child = r + 1;
                        stepLogPB[r] = backward.logProbs[child * backward.width + backward.actions[child]];
                    } else {
                        env.backwardMask(t.states().get(k + 1), parentMask);
                        int count = 0;
                        for (boolean p : parentMask) {
                            count += p ? 1 : 0;
                        }
                        stepLogPB[r] = -Math.log(count);
                    }
                }
                logPF[i] += stepLogPF[r];
                logPB[i] += stepLogPB[r];
            }
            logReward[i] = env.logReward(t.terminal());
        }
        TrajectoryBatch batch = new TrajectoryBatch(logPF, logPB, logReward, lengths, offsets, stepLogPF, stepLogPB);
        Policy.Forward flowForward = null;
        double[] stateLogFlow = null;
        if (flowNetwork != null) {
            flowForward = flowNetwork.forward(features, rows);
            float[] flows = flowForward.logits();
            stateLogFlow = new double[rows];
            for (int r = 0; r < rows; r++) {
                stateLogFlow[r] = flows[r];
            }
        }
        double[] stateLogReward = null;
        if (quantities.contains(StateQuantity.LOG_REWARD)) {
            stateLogReward = new double[rows];
            for (int r = 0; r < rows; r++) {
                stateLogReward[r] = masks[r * width + exit] ? env.logReward(rowStates.get(r)) : Double.NaN;
            }
        }
        double[] stateLogExit = null;
        if (quantities.contains(StateQuantity.LOG_EXIT_PROBABILITY)) {
            stateLogExit = new double[rows];
            for (int r = 0; r < rows; r++) {
                stateLogExit[r] = logProbs[r * width + exit];
            }
        }
        EdgeIndex edges = parents == null ? null : edgeFlows(parents, masks, logits, rows, width);
        batch = batch.withStateQuantities(stateLogFlow, stateLogReward, stateLogExit, edges == null ? null : edges.flows);
        return new ScoredBatch(batch, forward, probabilities, masks, actions, rowTrajectory, width, forwardRows,
                edges == null ? null : edges.rows, edges == null ? null : edges.actions, flowForward,
                backward == null ? null : backward.forward, backward == null ? null : backward.probabilities(),
                backward == null ? null : backward.masks, backward == null ? null : backward.actions,
                backward == null ? 0 : backward.width);
    }

    /** The parents of every visited non-initial state, each with the forward action that leads to the state. */
    private record ParentRows<S>(List<S> states, int[] forwardAction, int[] offsets) {
    }

    private ParentRows<S> parentRows(List<Trajectory<S>> trajectories, int[] offsets) {
        int rows = offsets[trajectories.size()];
        List<S> states = new ArrayList<>();
        List<Integer> forwardActions = new ArrayList<>();
        int[] parentOffsets = new int[rows + 1];
        boolean[] mask = new boolean[env.backwardActionCount()];
        for (int i = 0; i < trajectories.size(); i++) {
            Trajectory<S> t = trajectories.get(i);
            for (int k = 0; k <= t.length(); k++) {
                int r = offsets[i] + k;
                parentOffsets[r] = states.size();
                if (k == 0) {
                    continue;
                }
                S s = t.states().get(k);
                env.backwardMask(s, mask);
                for (int b = 0; b < mask.length; b++) {
                    if (mask[b]) {
                        states.add(env.backwardStep(s, b));
                        forwardActions.add(env.forwardActionFor(s, b));
                    }
                }
            }
        }
        parentOffsets[rows] = states.size();
        int[] fa = forwardActions.stream().mapToInt(Integer::intValue).toArray();
        return new ParentRows<>(states, fa, parentOffsets);
    }

    /** Edge flows and, per edge, the forward-pass row and action whose logit it is. */
    private record EdgeIndex(EdgeFlows flows, int[] rows, int[] actions) {
    }

    private EdgeIndex edgeFlows(ParentRows<S> parents, boolean[] masks, float[] logits, int rows, int width) {
        int exit = width - 1;
        int capacity = rows * width + parents.states.size();
        int[] edgeRow = new int[capacity];
        int[] edgeAction = new int[capacity];
        int[] inOffsets = new int[rows + 1];
        int[] inEdges = new int[parents.states.size()];
        int[] outOffsets = new int[rows + 1];
        int[] outEdges = new int[rows * width];
        int[] exitEdge = new int[rows];
        int edges = 0;
        int in = 0;
        int out = 0;
        for (int r = 0; r < rows; r++) {
            inOffsets[r] = in;
            for (int p = parents.offsets[r]; p < parents.offsets[r + 1]; p++) {
                edgeRow[edges] = rows + p;
                edgeAction[edges] = parents.forwardAction[p];
                inEdges[in++] = edges++;
            }
            outOffsets[r] = out;
            for (int a = 0; a < exit; a++) {
                if (masks[r * width + a]) {
                    edgeRow[edges] = r;
                    edgeAction[edges] = a;
                    outEdges[out++] = edges++;
                }
            }
            exitEdge[r] = -1;
            if (masks[r * width + exit]) {
                edgeRow[edges] = r;
                edgeAction[edges] = exit;
                exitEdge[r] = edges++;
            }
        }
        inOffsets[rows] = in;
        outOffsets[rows] = out;
        double[] logFlow = new double[edges];
        for (int e = 0; e < edges; e++) {
            logFlow[e] = logits[edgeRow[e] * width + edgeAction[e]];
        }
        EdgeFlows flows = new EdgeFlows(logFlow, inOffsets, inEdges, outOffsets, java.util.Arrays.copyOf(outEdges, out), exitEdge);
        return new EdgeIndex(flows, java.util.Arrays.copyOf(edgeRow, edges), java.util.Arrays.copyOf(edgeAction, edges));
    }

    /**
     * The learned backward policy on every visited state: row q holds log p_B(· | s_q) over the
     * valid parents of s_q (nothing at s_0), and {@code actions[q]} the backward action that undoes
     * the transition into s_q (−1 at s_0).
     */
    private record BackwardScores(Policy.Forward forward, double[] logProbs, boolean[] masks, int[] actions, int width) {
        double[] probabilities() {
            double[] p = new double[logProbs.length];
            for (int q = 0; q < p.length; q++) {
                p[q] = Math.exp(logProbs[q]);
            }
            return p;
        }
    }

    private BackwardScores backwardScores(List<Trajectory<S>> trajectories, int[] offsets, List<S> rowStates, float[] features) {
        int rows = rowStates.size();
        int width = env.backwardActionCount();
        Policy.Forward forward = backwardPolicy.forward(features, rows);
        float[] logits = forward.logits();
        double[] logProbs = new double[rows * width];
        java.util.Arrays.fill(logProbs, Double.NEGATIVE_INFINITY);
        boolean[] masks = new boolean[rows * width];
        boolean[] mask = new boolean[width];
        int[] actions = new int[rows];
        java.util.Arrays.fill(actions, -1);
        for (int i = 0; i < trajectories.size(); i++) {
            Trajectory<S> t = trajectories.get(i);
            for (int k = 1; k <= t.length(); k++) {
                int q = offsets[i] + k;
                S s = t.states().get(k);
                env.backwardMask(s, mask);
                System.arraycopy(mask, 0, masks, q * width, width);
                MaskedLogSoftmax.row(logits, q * width, masks, q * width, width, logProbs, q * width, s);
                actions[q] = backwardActionFor(s, t.states().get(k - 1), t.actions()[k - 1], mask);
            }
        }
        return new BackwardScores(forward, logProbs, masks, actions, width);
    }

    /** The valid backward action from {@code child} to {@code parent} that reads as forward action {@code action}. */
    private int backwardActionFor(S child, S parent, int action, boolean[] mask) {
        for (int b = 0; b < mask.length; b++) {
            if (mask[b] && env.forwardActionFor(child, b) == action && env.backwardStep(child, b).equals(parent)) {
                return b;
            }
        }
        throw new IllegalStateException("no valid backward action leads from " + child + " back to " + parent
                + " by forward action " + action + ": the environment's backward moves disagree with its forward moves");
    }
}
