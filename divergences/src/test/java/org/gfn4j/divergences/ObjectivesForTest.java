package org.gfn4j.divergences;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.objective.ObjectiveFactory;
import org.gfn4j.api.objective.ScoreFunctionObjective;
import org.gfn4j.api.objective.TrajectoryBatch;
import org.gfn4j.divergences.alpha.RenyiDivergenceFactory;
import org.gfn4j.divergences.alpha.TsallisDivergenceFactory;
import org.gfn4j.divergences.balance.DetailedBalanceFactory;
import org.gfn4j.divergences.balance.FlowMatchingFactory;
import org.gfn4j.divergences.balance.ModifiedDetailedBalanceFactory;
import org.gfn4j.divergences.balance.SubTrajectoryBalanceFactory;
import org.gfn4j.divergences.balance.TrajectoryBalanceFactory;
import org.gfn4j.divergences.balance.VarGradFactory;
import org.gfn4j.divergences.kl.ForwardKlDivergenceFactory;
import org.gfn4j.divergences.kl.ReverseKlDivergenceFactory;

/** The objectives made the way the runtime makes them: by factory, from a config section. */
final class ObjectivesForTest {
    private ObjectivesForTest() {
    }

    static List<ObjectiveFactory> factories() {
        return List.of(new TrajectoryBalanceFactory(), new VarGradFactory(), new ReverseKlDivergenceFactory(),
                new ForwardKlDivergenceFactory(), new RenyiDivergenceFactory(), new TsallisDivergenceFactory());
    }

    /** The objectives that read per-state quantities (flows, edge flows, per-state rewards). */
    static List<ObjectiveFactory> flowFactories() {
        return List.of(new DetailedBalanceFactory(), new SubTrajectoryBalanceFactory(), new FlowMatchingFactory(),
                new ModifiedDetailedBalanceFactory());
    }

    static ScoreFunctionObjective create(ObjectiveFactory factory, String overrides) {
        return (ScoreFunctionObjective) factory.create(
                ConfigSection.of("objective", ConfigFactory.parseString(overrides), factory.defaults()));
    }

    static ScoreFunctionObjective renyi(double alpha) {
        return create(new RenyiDivergenceFactory(), "alpha = " + alpha);
    }

    static ScoreFunctionObjective tsallis(double alpha) {
        return create(new TsallisDivergenceFactory(), "alpha = " + alpha);
    }

    static List<ScoreFunctionObjective> divergences() {
        return List.of(create(new ReverseKlDivergenceFactory(), ""), create(new ForwardKlDivergenceFactory(), ""),
                renyi(0.5), renyi(2.0), renyi(-1.0), tsallis(0.5), tsallis(2.0), tsallis(-1.0));
    }

    /**
     * Three trajectories with λ = (−ln 2 − 1, ln 2 − 2, ln 2 − 0.5) = (−1.6931…, −1.3069…, 0.1931…):
     * s = (−1, −2, −0.5), log p_B = (0, −ln 2, 0), log r = (ln 2, 0, ln 0.5).
     */
    static TrajectoryBatch threeTrajectories() {
        return TrajectoryBatch.ofTotals(new double[] {-1.0, -2.0, -0.5}, new double[] {0, -Math.log(2), 0},
                new double[] {Math.log(2), 0, Math.log(0.5)});
    }
}
