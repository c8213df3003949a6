/** gfn4j's built-in environments, discovered by the runtime through {@link java.util.ServiceLoader}. */
module org.gfn4j.environments {
    requires org.gfn4j.api;

    provides org.gfn4j.api.env.EnvironmentFactory with
            org.gfn4j.environments.hypergrid.HypergridFactory,
            org.gfn4j.environments.sets.SetsFactory,
            org.gfn4j.environments.sequences.SequenceFactory,
            org.gfn4j.environments.phylo.PhyloFactory,
            org.gfn4j.environments.dag.DagFactory,
            org.gfn4j.environments.continuous.GaussianMixtureFactory,
            org.gfn4j.environments.continuous.BananaFactory;
}
