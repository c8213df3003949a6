package org.gfn4j.runtime.evaluation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gfn4j.api.env.Enumerable;
import org.gfn4j.api.env.Environment;
import org.gfn4j.api.math.LogSpace;
import org.gfn4j.api.metric.TerminalDistributions;
import org.gfn4j.api.policy.Policy;
import org.gfn4j.runtime.sampling.MaskedLogSoftmax;

/**
 * The model's exact terminal distribution p_T(x) = Σ_{τ⇝x} p_F(τ) by dynamic programming over the
 * enumerated state DAG: probability mass is pushed forward in topological order, and the mass that
 * exits at x is p_T(x). The graph, the features and the target π(x) = r(x)/Z are built once; each
 * evaluation is one batched forward pass over all states plus a linear sweep.
 */
public final class ExactEvaluator<S> {
    private static final int CHUNK_ROWS = 8192;

    private final Environment<S> env;
    private final List<S> states;          // in topological order; index 0 is s0
    private final int[] children;          // states × (actions − 1), −1 where the action is masked
    private final boolean[] masks;         // states × actions
    private final int[] terminalIndex;     // per state: its index among terminals, or −1
    private final List<S> terminals;
    private final double[] target;
    private final double[] logRewards;
    private final double logPartition;
    private final float[] features;

    private ExactEvaluator(Environment<S> env, List<S> states, int[] children, boolean[] masks) {
        this.env = env;
        this.states = states;
        this.children = children;
        this.masks = masks;
        int width = env.forwardActionCount();
        this.terminalIndex = new int[states.size()];
        this.terminals = new ArrayList<>();
        for (int s = 0; s < states.size(); s++) {
            terminalIndex[s] = masks[s * width + width - 1] ? terminals.size() : -1;
            if (terminalIndex[s] >= 0) {
                terminals.add(states.get(s));
            }
        }
        logRewards = new double[terminals.size()];
        for (int x = 0; x < logRewards.length; x++) {
            logRewards[x] = env.logReward(terminals.get(x));
        }
        logPartition = LogSpace.logSumExp(logRewards);
        target = new double[logRewards.length];
        for (int x = 0; x < target.length; x++) {
            target[x] = Math.exp(logRewards[x] - logPartition);
        }
        features = new float[states.size() * env.featureSize()];
        for (int s = 0; s < states.size(); s++) {
            env.features(states.get(s), features, s * env.featureSize());
        }
    }

    /**
     * Enumerates the states reachable from s0.
     *
     * @throws StateSpaceTooLargeException when there are more than {@code maxStates}
     */
    public static <S> ExactEvaluator<S> build(Environment<S> env, int maxStates) {
        if (env instanceof Enumerable<?> enumerable) {
            // a cheap early answer: more terminal objects than the cap means more states too, and
            // the environment can say so without walking millions of states first
            try {
                enumerable.terminalStates(maxStates);
            } catch (IllegalStateException tooMany) {
                throw new StateSpaceTooLargeException(tooMany.getMessage() + " (eval.max-states = " + maxStates
                        + "): exact evaluation is skipped");
            }
        }
        int width = env.forwardActionCount();
        Map<S, Integer> index = new HashMap<>();
        List<S> discovered = new ArrayList<>();
        List<int[]> edges = new ArrayList<>();
        Deque<S> queue = new ArrayDeque<>();
        S s0 = env.initialState();
        index.put(s0, 0);
        discovered.add(s0);
        queue.add(s0);
        boolean[] mask = new boolean[width];
        List<boolean[]> maskList = new ArrayList<>();
        while (!queue.isEmpty()) {
            S s = queue.poll();
            env.forwardMask(s, mask);
            maskList.add(mask.clone());
            int[] out = new int[width - 1];
            Arrays.fill(out, -1);
            for (int a = 0; a < width - 1; a++) {
                if (!mask[a]) {
                    continue;
                }
                S child = env.step(s, a);
                Integer c = index.get(child);
                if (c == null) {
                    if (discovered.size() >= maxStates) {
                        throw new StateSpaceTooLargeException("the state graph has more than " + maxStates
                                + " states (eval.max-states): exact evaluation is skipped");
                    }
                    c = discovered.size();
                    index.put(child, c);
                    discovered.add(child);
                    queue.add(child);
                }
                out[a] = c;
            }
            edges.add(out);
        }
        // Kahn's algorithm: breadth-first discovery order is not topological when paths differ in length.
        int n = discovered.size();
        int[] indegree = new int[n];
        for (int[] out : edges) {
            for (int c : out) {
                if (c >= 0) {
                    indegree[c]++;
                }
            }
        }
        int[] order = new int[n];
        int head = 0;
        int tail = 0;
        order[tail++] = 0;
        while (head < tail) {
            int s = order[head++];
            for (int c : edges.get(s)) {
                if (c >= 0 && --indegree[c] == 0) {
                    order[tail++] = c;
                }
            }
        }
        if (tail != n) {
            throw new IllegalStateException("the environment's state graph has a cycle: it must be a DAG");
        }
        int[] position = new int[n];
        for (int p = 0; p < n; p++) {
            position[order[p]] = p;
        }
        List<S> sorted = new ArrayList<>(n);
        int[] children = new int[n * (width - 1)];
        boolean[] masks = new boolean[n * width];
        for (int p = 0; p < n; p++) {
            int s = order[p];
            sorted.add(discovered.get(s));
            int[] out = edges.get(s);
            for (int a = 0; a < width - 1; a++) {
                children[p * (width - 1) + a] = out[a] < 0 ? -1 : position[out[a]];
            }
            System.arraycopy(maskList.get(s), 0, masks, p * width, width);
        }
        return new ExactEvaluator<>(env, sorted, children, masks);
    }

    public int stateCount() {
        return states.size();
    }

    public List<S> terminals() {
        return terminals;
    }

    public double logPartition() {
        return logPartition;
    }

    /** p_T of every terminal (in {@link #terminals()} order) under the policy. */
    public double[] terminalDistribution(Policy policy) {
        int width = env.forwardActionCount();
        int n = states.size();
        int featureSize = env.featureSize();
        double[] mass = new double[n];
        double[] model = new double[terminals.size()];
        double[] logProbs = new double[width];
        mass[0] = 1.0;
        float[] logits = new float[n * width];
        for (int start = 0; start < n; start += CHUNK_ROWS) {
            int rows = Math.min(CHUNK_ROWS, n - start);
            float[] chunk = Arrays.copyOfRange(features, start * featureSize, (start + rows) * featureSize);
            float[] out = policy.logits(chunk, rows);
            System.arraycopy(out, 0, logits, start * width, rows * width);
        }
        for (int s = 0; s < n; s++) {
            if (mass[s] == 0) {
                continue;
            }
            MaskedLogSoftmax.row(logits, s * width, masks, s * width, width, logProbs, 0, states.get(s));
            if (terminalIndex[s] >= 0) {
                model[terminalIndex[s]] += mass[s] * Math.exp(logProbs[width - 1]);
            }
            for (int a = 0; a < width - 1; a++) {
                int c = children[s * (width - 1) + a];
                if (c >= 0) {
                    mass[c] += mass[s] * Math.exp(logProbs[a]);
                }
            }
        }
        return model;
    }

    public TerminalDistributions evaluate(Policy policy, double learnedLogPartition) {
        return new TerminalDistributions(terminalDistribution(policy), target.clone(), logRewards.clone(), logPartition,
                learnedLogPartition);
    }
}
