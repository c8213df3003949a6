package org.gfn4j.api.objective;

/**
 * The log-flows of the edges around every visited state of a batch, for flow matching (discrete
 * environments only: a state's parents must be enumerable).
 *
 * <p>Edges are listed once each in {@code logFlow}; states refer to them by index. Visited state j
 * (j = {@code stepOffsets[i] + k} for state s_k of trajectory i, as in {@link TrajectoryBatch}) has
 * <ul>
 *   <li>incoming edges {@code inEdges[inOffsets[j] .. inOffsets[j+1])}: one per parent p of s_j,
 *       log F(p → s_j) (none at s_0);</li>
 *   <li>outgoing edges {@code outEdges[outOffsets[j] .. outOffsets[j+1])}: one per valid non-exit
 *       action, log F(s_j → child);</li>
 *   <li>the exit edge {@code exitEdge[j]}: log F(s_j → s_f), or −1 where exit is invalid at s_j.</li>
 * </ul>
 * How an edge flow is parametrised is the runtime's business; gfn4j's runtime uses the forward
 * policy's raw logits as log edge flows, so that p_F(a | s) = F(s → a) / Σ_a' F(s → a')
 * (Bengio et al. 2021). An objective's gradient with respect to these values goes in
 * {@link LossGradient#dEdgeLogFlow()}, indexed like {@code logFlow}.
 *
 * @param logFlow    log F of each edge
 * @param inOffsets  start of state j's incoming edges in {@code inEdges}; length (number of states) + 1
 * @param inEdges    indices into {@code logFlow}
 * @param outOffsets start of state j's outgoing non-exit edges in {@code outEdges}; length (number of states) + 1
 * @param outEdges   indices into {@code logFlow}
 * @param exitEdge   per state, the index of its exit edge in {@code logFlow}, or −1
 */
public record EdgeFlows(double[] logFlow, int[] inOffsets, int[] inEdges, int[] outOffsets, int[] outEdges,
                        int[] exitEdge) {

    public EdgeFlows {
        int states = exitEdge.length;
        if (inOffsets.length != states + 1 || outOffsets.length != states + 1) {
            throw new IllegalArgumentException("edge offsets must have one entry per state plus one: " + states + " states, "
                    + inOffsets.length + " and " + outOffsets.length + " offsets");
        }
        if (inOffsets[states] != inEdges.length || outOffsets[states] != outEdges.length) {
            throw new IllegalArgumentException("edge offsets do not end at the number of listed edges");
        }
    }

    /** Number of visited states described. */
    public int stateCount() {
        return exitEdge.length;
    }
}
