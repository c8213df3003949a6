package org.gfn4j.api.conformance;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gfn4j.api.env.Enumerable;
import org.gfn4j.api.env.Environment;

/**
 * The checks every {@link Environment} must pass, for gfn4j's own environments and for plugin
 * authors alike: one line in a test, {@code EnvironmentConformance.check(env);}.
 *
 * <p>It explores the states reachable from s0 (up to a cap) and verifies that forward and backward
 * masks agree with {@code step}/{@code backwardStep}, that every non-initial state has a valid
 * parent (so a uniform backward policy sums to 1 over its valid parents), that there are no dead
 * ends, that rewards and features are finite, that trajectories respect
 * {@code maxTrajectoryLength()}, that an {@link Enumerable} environment lists exactly the states at
 * which exit is valid, and that the terminal distribution of the uniform forward policy sums to 1.
 * All violations are collected and thrown together as one {@link AssertionError}, so the kit works
 * with any test framework.
 *
 * <p>For plugin authors: it ships in the {@code gfn4j-api} jar, so a plugin's own tests need nothing
 * else. In a JUnit test of a plugin project that depends on {@code gfn4j-api}:
 * <pre>{@code
 * @Test
 * void conforms() {
 *     EnvironmentFactory factory = new MyEnvironmentFactory();
 *     EnvironmentConformance.check(factory.create(ConfigSection.defaultsOf("env", factory.defaults())));
 * }
 * }</pre>
 * Check a few parameter settings, including the smallest. The exploration covers every state
 * reachable from s0; the checks on the whole graph (parents, {@code Enumerable}, total terminal
 * mass) run only when all of them fit under the cap. See {@code docs/plugins.md}.
 */
public final class EnvironmentConformance {
    private static final int MAX_REPORTED = 20;

    private EnvironmentConformance() {
    }

    /** Checks up to 200,000 reachable states. */
    public static <S> void check(Environment<S> env) {
        check(env, 200_000);
    }

    /** Checks up to {@code stateCap} reachable states (the checks on the whole graph need all of them). */
    public static <S> void check(Environment<S> env, int stateCap) {
        new Run<>(env, stateCap).run();
    }

    private static final class Run<S> {
        private final Environment<S> env;
        private final int cap;
        private final List<String> problems = new ArrayList<>();
        private final int nf;
        private final int nb;

        Run(Environment<S> env, int cap) {
            this.env = env;
            this.cap = cap;
            this.nf = env.forwardActionCount();
            this.nb = env.backwardActionCount();
        }

        void problem(String p) {
            if (problems.size() < MAX_REPORTED) {
                problems.add(p);
            } else if (problems.size() == MAX_REPORTED) {
                problems.add("… further problems not shown");
            }
        }

        void run() {
            if (nf < 1) {
                problem("forwardActionCount() must be at least 1 (the exit action), was " + nf);
                fail();
            }
            S s0 = env.initialState();
            boolean[] bmask = new boolean[nb];
            env.backwardMask(s0, bmask);
            for (int b = 0; b < nb; b++) {
                if (bmask[b]) {
                    problem("the initial state " + s0 + " has a valid backward action " + b);
                }
            }
            // Breadth-first exploration; depth = number of steps from s0 along the first path found.
            Map<S, Integer> depth = new LinkedHashMap<>();
            Deque<S> queue = new ArrayDeque<>();
            depth.put(s0, 0);
            queue.add(s0);
            boolean complete = true;
            boolean[] fmask = new boolean[nf];
            float[] features = new float[env.featureSize()];
            Set<S> exitStates = new HashSet<>();
            while (!queue.isEmpty()) {
                S s = queue.poll();
                checkState(s, fmask, bmask, features, exitStates);
                env.forwardMask(s, fmask);
                for (int a = 0; a < nf - 1; a++) {
                    if (!fmask[a]) {
                        continue;
                    }
                    S child = env.step(s, a);
                    if (!depth.containsKey(child)) {
                        if (depth.size() >= cap) {
                            complete = false;
                            continue;
                        }
                        int d = depth.get(s) + 1;
                        if (d > env.maxTrajectoryLength()) {
                            problem("state " + child + " is " + d + " steps from s0, more than maxTrajectoryLength() = "
                                    + env.maxTrajectoryLength());
                        }
                        depth.put(child, d);
                        queue.add(child);
                    }
                }
            }
            if (complete) {
                checkWholeGraph(s0, depth.keySet(), exitStates);
            }
            fail();
        }

        private void checkState(S s, boolean[] fmask, boolean[] bmask, float[] features, Set<S> exitStates) {
            env.forwardMask(s, fmask);
            boolean any = false;
            for (boolean m : fmask) {
                any |= m;
            }
            if (!any) {
                problem("state " + s + " has no valid forward action (a dead end)");
            }
            if (fmask[nf - 1]) {
                exitStates.add(s);
                double r = env.logReward(s);
                if (!Double.isFinite(r)) {
                    problem("log-reward of " + s + " is " + r + " (must be finite)");
                }
            }
            env.features(s, features, 0);
            for (float f : features) {
                if (!Float.isFinite(f)) {
                    problem("features of " + s + " are not finite");
                    break;
                }
            }
            // forward moves are undone by a backward move that names the same forward action
            for (int a = 0; a < nf - 1; a++) {
                if (!fmask[a]) {
                    continue;
                }
                S child = env.step(s, a);
                env.backwardMask(child, bmask);
                boolean undone = false;
                for (int b = 0; b < nb && !undone; b++) {
                    undone = bmask[b] && env.backwardStep(child, b).equals(s) && env.forwardActionFor(child, b) == a;
                }
                if (!undone) {
                    problem("step(" + s + ", " + a + ") = " + child + ", but no valid backward action of the child leads back"
                            + " to it with forwardActionFor = " + a);
                }
            }
            // backward moves are undone by the forward move they name
            env.backwardMask(s, bmask);
            boolean[] parentMask = new boolean[nf];
            for (int b = 0; b < nb; b++) {
                if (!bmask[b]) {
                    continue;
                }
                S parent = env.backwardStep(s, b);
                int a = env.forwardActionFor(s, b);
                if (a < 0 || a >= nf - 1) {
                    problem("forwardActionFor(" + s + ", " + b + ") = " + a + " is not a non-exit forward action");
                    continue;
                }
                env.forwardMask(parent, parentMask);
                if (!parentMask[a] || !env.step(parent, a).equals(s)) {
                    problem("backwardStep(" + s + ", " + b + ") = " + parent + ", but forward action " + a
                            + " from there is masked or does not lead back to " + s);
                }
            }
        }

        private void checkWholeGraph(S s0, Set<S> states, Set<S> exitStates) {
            boolean[] bmask = new boolean[nb];
            for (S s : states) {
                if (s.equals(s0)) {
                    continue;
                }
                env.backwardMask(s, bmask);
                int parents = 0;
                for (boolean m : bmask) {
                    parents += m ? 1 : 0;
                }
                if (parents == 0) {
                    problem("non-initial state " + s + " has no valid parent: a uniform backward policy cannot sum to 1");
                }
            }
            if (env instanceof Enumerable<?> enumerable) {
                @SuppressWarnings("unchecked")
                List<S> listed = ((Enumerable<S>) enumerable).terminalStates(Long.MAX_VALUE);
                Set<S> listedSet = new HashSet<>(listed);
                if (listedSet.size() != listed.size()) {
                    problem("terminalStates() lists some objects more than once");
                }
                if (!listedSet.equals(exitStates)) {
                    problem("terminalStates() lists " + listedSet.size() + " objects, but exit is valid at "
                            + exitStates.size() + " reachable states");
                }
            }
            double total = uniformPolicyTerminalMass(s0, states.size());
            if (Math.abs(total - 1.0) > 1e-9) {
                problem("the uniform forward policy's terminal distribution sums to " + total + ", not 1");
            }
        }

        /** Pushes probability mass forward in order of depth (graded by longest path) under a uniform forward policy. */
        private double uniformPolicyTerminalMass(S s0, int count) {
            // Kahn's algorithm needs in-degrees over the reachable graph.
            Map<S, Integer> indegree = new HashMap<>(count * 2);
            boolean[] fmask = new boolean[nf];
            Deque<S> stack = new ArrayDeque<>();
            Set<S> seen = new HashSet<>();
            stack.push(s0);
            seen.add(s0);
            indegree.put(s0, 0);
            while (!stack.isEmpty()) {
                S s = stack.pop();
                env.forwardMask(s, fmask);
                for (int a = 0; a < nf - 1; a++) {
                    if (fmask[a]) {
                        S c = env.step(s, a);
                        indegree.merge(c, 1, Integer::sum);
                        if (seen.add(c)) {
                            stack.push(c);
                        }
                    }
                }
            }
            Map<S, Double> mass = new HashMap<>(count * 2);
            mass.put(s0, 1.0);
            Deque<S> ready = new ArrayDeque<>();
            ready.add(s0);
            double terminal = 0;
            while (!ready.isEmpty()) {
                S s = ready.poll();
                double m = mass.getOrDefault(s, 0.0);
                env.forwardMask(s, fmask);
                int valid = 0;
                for (boolean b : fmask) {
                    valid += b ? 1 : 0;
                }
                if (valid == 0) {
                    continue;
                }
                double share = m / valid;
                if (fmask[nf - 1]) {
                    terminal += share;
                }
                for (int a = 0; a < nf - 1; a++) {
                    if (fmask[a]) {
                        S c = env.step(s, a);
                        mass.merge(c, share, Double::sum);
                        if (indegree.merge(c, -1, Integer::sum) == 0) {
                            ready.add(c);
                        }
                    }
                }
            }
            return terminal;
        }

        private void fail() {
            if (!problems.isEmpty()) {
                throw new AssertionError(env.getClass().getSimpleName() + " fails the environment conformance checks:\n - "
                        + String.join("\n - ", problems));
            }
        }
    }
}
