package org.gfn4j.api.env;

/**
 * What an {@link EnvironmentFactory} builds: either a discrete {@link Environment} (a DAG of states
 * with masked actions) or a {@link ContinuousEnvironment} (states in R^d, a density over increments).
 * The runtime trains each kind on its own sampling path; objectives and estimators serve both,
 * since they read per-trajectory log-probabilities (discrete) or log-densities (continuous) alike.
 */
public sealed interface TaskEnvironment permits Environment, ContinuousEnvironment {
}
