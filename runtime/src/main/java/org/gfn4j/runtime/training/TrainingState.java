package org.gfn4j.runtime.training;

/**
 * Everything a run needs to continue exactly where it stopped: the state after iteration
 * {@code iteration} completed. Random state is not part of it: every sampling stream derives from
 * (seed, iteration), see {@link org.gfn4j.runtime.sampling.RandomStreams}.
 *
 * @param iteration             iterations completed
 * @param trajectoriesSeen      trajectories sampled so far
 * @param wallSeconds           training wall time so far (a resumed run's clock continues from it)
 * @param parameters            the policy's flat parameter vector
 * @param logPartition          the learned log Z (0 for objectives without one)
 * @param policyOptimizer       Adam state of the policy parameters
 * @param logPartitionOptimizer Adam state of log Z
 */
public record TrainingState(long iteration, long trajectoriesSeen, double wallSeconds, float[] parameters,
                            double logPartition, Adam.State policyOptimizer, Adam.State logPartitionOptimizer,
                            AuxiliaryNetworks.State auxiliary) {

    /** A state without auxiliary networks (no state-flow network, uniform backward policy). */
    public TrainingState(long iteration, long trajectoriesSeen, double wallSeconds, float[] parameters, double logPartition,
                         Adam.State policyOptimizer, Adam.State logPartitionOptimizer) {
        this(iteration, trajectoriesSeen, wallSeconds, parameters, logPartition, policyOptimizer, logPartitionOptimizer,
                AuxiliaryNetworks.State.NONE);
    }
}
