package org.gfn4j.runtime.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.gfn4j.api.policy.Policy;
import org.junit.jupiter.api.Test;

class MlpPolicyTest {

    /** The hand-written backward pass against central finite differences of Σ dLogits · logits. */
    @Test
    void backwardMatchesFiniteDifferences() {
        MlpPolicy policy = new MlpPolicy(5, new int[] {7, 6}, 4, 3);
        SplittableRandom r = new SplittableRandom(11);
        float[] params = policy.parameters();
        for (int i = 0; i < params.length; i++) {
            params[i] = (float) (r.nextDouble() - 0.5); // nonzero output layer so every weight matters
        }
        policy.setParameters(params);
        int rows = 3;
        float[] x = new float[rows * 5];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble();
        }
        float[] dLogits = new float[rows * 4];
        for (int i = 0; i < dLogits.length; i++) {
            dLogits[i] = (float) (r.nextDouble() * 2 - 1);
        }
        float[] analytic = policy.forward(x, rows).backward(dLogits);
        assertThat(analytic).hasSize(policy.parameterCount());
        double h = 1e-2;
        int checked = 0;
        for (int p = 0; p < params.length; p++) {
            float[] plus = params.clone();
            plus[p] += (float) h;
            float[] minus = params.clone();
            minus[p] -= (float) h;
            double numeric = (objective(policy, plus, x, rows, dLogits) - objective(policy, minus, x, rows, dLogits)) / (2 * h);
            // float32 network: tolerance relative to the magnitude, with an absolute floor
            assertThat(analytic[p]).as("parameter %d", p).isCloseTo((float) numeric,
                    org.assertj.core.api.Assertions.within((float) (2e-3 + 2e-2 * Math.abs(numeric))));
            checked++;
        }
        assertThat(checked).isEqualTo(5 * 7 + 7 + 7 * 6 + 6 + 6 * 4 + 4);
    }

    @Test
    void freshPolicyIsNearlyUniformAndSeeded() {
        Policy a = new MlpPolicy(3, new int[] {8}, 2, 42);
        Policy b = new MlpPolicy(3, new int[] {8}, 2, 42);
        assertThat(a.parameters()).containsExactly(b.parameters());
        float[] logits = a.forward(new float[] {1, 0, 1}, 1).logits();
        assertThat(Math.abs(logits[0] - logits[1])).isLessThan(0.05f);
        assertThat(new MlpPolicy(3, new int[] {8}, 2, 43).parameters()).isNotEqualTo(a.parameters());
    }

    private static double objective(Policy policy, float[] params, float[] x, int rows, float[] dLogits) {
        policy.setParameters(params);
        float[] logits = policy.forward(x, rows).logits();
        double s = 0;
        for (int i = 0; i < logits.length; i++) {
            s += (double) dLogits[i] * logits[i];
        }
        return s;
    }
}
