/**
 * gfn4j's built-in objectives: the divergences of the paper (reverse KL, forward KL, Rényi-α,
 * Tsallis-α) in score-function form, and the balance losses (trajectory balance, VarGrad,
 * detailed balance, sub-trajectory balance, flow matching, modified detailed balance).
 * Nothing is exported: the runtime finds the factories through the service below.
 */
module org.gfn4j.divergences {
    requires org.gfn4j.api;

    provides org.gfn4j.api.objective.ObjectiveFactory with
            org.gfn4j.divergences.balance.TrajectoryBalanceFactory,
            org.gfn4j.divergences.balance.VarGradFactory,
            org.gfn4j.divergences.balance.DetailedBalanceFactory,
            org.gfn4j.divergences.balance.SubTrajectoryBalanceFactory,
            org.gfn4j.divergences.balance.FlowMatchingFactory,
            org.gfn4j.divergences.balance.ModifiedDetailedBalanceFactory,
            org.gfn4j.divergences.kl.ReverseKlDivergenceFactory,
            org.gfn4j.divergences.kl.ForwardKlDivergenceFactory,
            org.gfn4j.divergences.alpha.RenyiDivergenceFactory,
            org.gfn4j.divergences.alpha.TsallisDivergenceFactory;
}
