package org.gfn4j.estimators;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A GFlowNet small enough to enumerate: the 2-D grid of height 3 (states (i, j), 0 ≤ i, j ≤ 2),
 * starting at (0, 0), with actions +x, +y and exit (exit is allowed everywhere, so every state is a
 * terminal object). The forward policy is tabular: one logit per (state, action), a softmax over the
 * valid actions of the state; the logits are the parameters θ (masked entries stay in θ and always
 * get gradient 0). The backward policy is uniform over the valid parents. Rewards have three levels.
 *
 * <p>It has 19 complete trajectories (Σ_{i,j} C(i + j, i)), so every expectation under P_F or P_B
 * is a finite sum: exact values, exact gradients and exact expectations of estimators.
 */
final class TabularGridProblem {
    static final int HEIGHT = 3;
    static final int STATES = HEIGHT * HEIGHT;
    static final int ACTIONS = 3;
    static final int PLUS_X = 0;
    static final int PLUS_Y = 1;
    static final int EXIT = 2;
    static final int PARAMETERS = STATES * ACTIONS;

    /** One transition: the state it leaves and the action taken. */
    record Step(int state, int action) {
    }

    /**
     * A complete trajectory (exit included) with its θ-independent quantities.
     *
     * @param logBackward log p_B(τ | x)
     * @param logReward   log r(x)
     */
    record Trajectory(int terminal, List<Step> steps, double logBackward, double logReward) {
        /** ℓ = log r(x) + log p_B(τ | x). */
        double logTarget() {
            return logReward + logBackward;
        }
    }

    /** The θ-dependent quantities of every trajectory, at one θ. */
    record Evaluation(double[] logForward, double[][] score) {
    }

    private final List<Trajectory> trajectories = new ArrayList<>();
    private final double logPartition;

    TabularGridProblem() {
        enumerate(0, 0, new ArrayList<>(), 0.0);
        double z = 0;
        for (int state = 0; state < STATES; state++) {
            z += Math.exp(logReward(state));
        }
        logPartition = Math.log(z);
    }

    static int state(int i, int j) {
        return i * HEIGHT + j;
    }

    static boolean valid(int state, int action) {
        int i = state / HEIGHT;
        int j = state % HEIGHT;
        return switch (action) {
            case PLUS_X -> i < HEIGHT - 1;
            case PLUS_Y -> j < HEIGHT - 1;
            default -> true;
        };
    }

    /** Three levels: the far corner, the two other corners, the centre; 0.1 elsewhere. */
    static double logReward(int state) {
        int i = state / HEIGHT;
        int j = state % HEIGHT;
        if (i == 2 && j == 2) {
            return Math.log(2.0);
        }
        if ((i == 2 && j == 0) || (i == 0 && j == 2)) {
            return Math.log(1.0);
        }
        if (i == 1 && j == 1) {
            return Math.log(0.5);
        }
        return Math.log(0.1);
    }

    private static int parentCount(int i, int j) {
        return (i > 0 ? 1 : 0) + (j > 0 ? 1 : 0);
    }

    private void enumerate(int i, int j, List<Step> prefix, double logBackward) {
        int here = state(i, j);
        List<Step> exited = new ArrayList<>(prefix);
        exited.add(new Step(here, EXIT));
        trajectories.add(new Trajectory(here, List.copyOf(exited), logBackward, logReward(here)));
        if (i < HEIGHT - 1) {
            List<Step> next = new ArrayList<>(prefix);
            next.add(new Step(here, PLUS_X));
            enumerate(i + 1, j, next, logBackward - Math.log(parentCount(i + 1, j)));
        }
        if (j < HEIGHT - 1) {
            List<Step> next = new ArrayList<>(prefix);
            next.add(new Step(here, PLUS_Y));
            enumerate(i, j + 1, next, logBackward - Math.log(parentCount(i, j + 1)));
        }
    }

    List<Trajectory> trajectories() {
        return trajectories;
    }

    int size() {
        return trajectories.size();
    }

    /** log Z = log Σ_x r(x). */
    double logPartition() {
        return logPartition;
    }

    /** Log-softmax of a state's logits over its valid actions; −∞ for masked actions. */
    static double[] logPolicy(double[] theta, int state) {
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < ACTIONS; a++) {
            if (valid(state, a)) {
                max = Math.max(max, theta[state * ACTIONS + a]);
            }
        }
        double sum = 0;
        for (int a = 0; a < ACTIONS; a++) {
            if (valid(state, a)) {
                sum += Math.exp(theta[state * ACTIONS + a] - max);
            }
        }
        double[] logP = new double[ACTIONS];
        for (int a = 0; a < ACTIONS; a++) {
            logP[a] = valid(state, a) ? theta[state * ACTIONS + a] - max - Math.log(sum) : Double.NEGATIVE_INFINITY;
        }
        return logP;
    }

    /** s = log p_F(τ; θ) and ∇_θ s (one-hot of the action minus the softmax, summed over visited states). */
    Evaluation evaluate(double[] theta) {
        int n = size();
        double[] logForward = new double[n];
        double[][] score = new double[n][PARAMETERS];
        for (int t = 0; t < n; t++) {
            for (Step step : trajectories.get(t).steps()) {
                double[] logP = logPolicy(theta, step.state());
                logForward[t] += logP[step.action()];
                for (int a = 0; a < ACTIONS; a++) {
                    double p = Math.exp(logP[a]);
                    score[t][step.state() * ACTIONS + a] += (a == step.action() ? 1.0 : 0.0) - p;
                }
            }
        }
        return new Evaluation(logForward, score);
    }

    /** Fixed non-uniform logits: a policy some way from the target, so every gradient is far from 0. */
    static double[] randomTheta(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] theta = new double[PARAMETERS];
        for (int k = 0; k < PARAMETERS; k++) {
            theta[k] = 2.0 * random.nextDouble() - 1.0;
        }
        return theta;
    }

    /** Draws trajectory indices from P_F(θ) by inverting its cumulative distribution. */
    static final class Sampler {
        private final double[] cumulative;
        private final SplittableRandom random;

        Sampler(Evaluation evaluation, long seed) {
            cumulative = new double[evaluation.logForward().length];
            double sum = 0;
            for (int t = 0; t < cumulative.length; t++) {
                sum += Math.exp(evaluation.logForward()[t]);
                cumulative[t] = sum;
            }
            random = new SplittableRandom(seed);
        }

        int next() {
            double u = random.nextDouble() * cumulative[cumulative.length - 1];
            for (int t = 0; t < cumulative.length; t++) {
                if (u < cumulative[t]) {
                    return t;
                }
            }
            return cumulative.length - 1;
        }

        int[] batch(int n) {
            int[] batch = new int[n];
            for (int i = 0; i < n; i++) {
                batch[i] = next();
            }
            return batch;
        }
    }
}
