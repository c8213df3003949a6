package org.gfn4j.runtime.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gfn4j.api.train.RunSummary;
import org.gfn4j.runtime.TestRuns;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * End-to-end: the balance family trains hypergrid 2-D height 8 to the bounds on the exact L1
 * (Σ_x |p_T(x) − π(x)|). Budget, the same for every row: the defaults (1000 iterations, batch 16,
 * seed 0, Adam 1e-3) with a reduced network, policy.hidden = [128, 128], to keep the test time modest.
 * The tb-with-replay row draws half of each batch from a uniform replay buffer (case C1's setting).
 */
class BalanceTrainingTest {

    @ParameterizedTest(name = "{0} {1}: l1 < {2}")
    @CsvSource({
        "db,    replay.capacity=0,    0.05",
        "subtb, replay.capacity=0,    0.05",
        "fm,    replay.capacity=0,    0.10",
        "tb,    replay.capacity=1000, 0.05"})
    void balanceObjectivesLearnTheDefaultTarget(String objective, String replay, double bound) {
        long start = System.nanoTime();
        RunSummary summary = TestRuns.trainer("objective.name=" + objective, replay, "replay.fraction=0.5",
                "policy.hidden=[128,128]", "eval.every=1000").train(List.of());
        double l1 = summary.finalMetrics().get("l1");
        System.out.printf("balance training: %s %s: l1 = %.4f in %.1f s%n", objective, replay, l1,
                (System.nanoTime() - start) / 1e9);
        assertThat(l1).isLessThan(bound);
    }
}
