/** gfn4j's built-in objectives: the divergences of the paper and the balance losses. */
module org.gfn4j.divergences {
    requires org.gfn4j.api;

    provides org.gfn4j.api.objective.ObjectiveFactory with
            org.gfn4j.divergences.balance.TrajectoryBalanceFactory;
}
