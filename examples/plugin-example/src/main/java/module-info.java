/**
 * An example gfn4j plugin: the {@code bitstrings} environment and the {@code hellinger} objective.
 * It requires the gfn4j api alone and declares its factories here and, for class-path use, in
 * {@code META-INF/services} (the two lists must agree; a test checks it).
 */
module com.example.gfn4j.plugin {
    requires org.gfn4j.api;

    provides org.gfn4j.api.env.EnvironmentFactory with com.example.gfn4j.bitstrings.BitStringFactory;
    provides org.gfn4j.api.objective.ObjectiveFactory with com.example.gfn4j.hellinger.SquaredHellingerFactory;
}
