package org.gfn4j.runtime.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.gfn4j.api.InvalidConfigException;
import org.gfn4j.api.env.Enumerable;
import org.gfn4j.api.env.ContinuousEnvironment;
import org.gfn4j.api.env.Environment;
import org.gfn4j.api.env.TaskEnvironment;
import org.gfn4j.api.estimator.GradientEstimator;
import org.gfn4j.api.metric.Metric;
import org.gfn4j.api.metric.TerminalDistributions;
import org.gfn4j.api.objective.BalanceObjective;
import org.gfn4j.api.objective.LossGradient;
import org.gfn4j.api.objective.NonFiniteValueException;
import org.gfn4j.api.objective.Objective;
import org.gfn4j.api.objective.ScoreFunctionObjective;
import org.gfn4j.api.objective.ScoreFunctionTerms;
import org.gfn4j.api.policy.Policy;
import org.gfn4j.api.train.EvaluationRecord;
import org.gfn4j.api.train.IterationRecord;
import org.gfn4j.api.train.RunStart;
import org.gfn4j.api.train.RunSummary;
import org.gfn4j.api.train.TrainingListener;
import org.gfn4j.api.env.KnownPartitionFunction;
import org.gfn4j.runtime.evaluation.ContinuousEvaluation;
import org.gfn4j.runtime.evaluation.ExactEvaluator;
import org.gfn4j.runtime.evaluation.MonteCarloL1;
import org.gfn4j.runtime.evaluation.StateSpaceTooLargeException;
import org.gfn4j.runtime.sampling.ContinuousTrajectory;
import org.gfn4j.runtime.sampling.ContinuousTrajectorySampler;
import org.gfn4j.runtime.sampling.Trajectory;
import org.gfn4j.runtime.sampling.TrajectorySampler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training loop: draw a batch ({@link BatchSource}: on-policy, ε-greedy at most, for divergences;
 * tempered and partly replayed where a balance objective allows it), re-score it with the current
 * policy in one forward pass, turn the objective (and for divergences the estimator) into
 * coefficients, back-propagate them through the forward policy (and the state-flow network and
 * learned backward policy, {@link AuxiliaryNetworks}) and take an Adam step of each;
 * evaluate every {@code eval.every} iterations and after the last.
 *
 * <p>A run can continue from a {@link TrainingState} ({@link #restore}); it hands its state to a
 * {@link CheckpointSink} when the sink asks for it, and {@link #requestStop()} (from any thread, e.g.
 * a Ctrl-C hook) ends it after the current iteration with a last checkpoint.
 */
public final class Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final RunComponents components;
    private final TrainSettings settings;
    private final List<Metric> metrics;
    private final PhaseTimes phaseTimes = new PhaseTimes();
    private final BalanceTrainingSettings balance;
    private final AuxiliaryNetworks auxiliary;
    private double logPartition;
    private long iteration;
    private long trajectoriesSeen;
    private double wallSecondsBefore;
    private final Adam adam;
    private final Adam logPartitionAdam;
    private volatile boolean stopRequested;
    private boolean stopped;
    private ExactEvaluator<?> exactEvaluator;
    private boolean exactEvaluatorTried;

    public Trainer(RunComponents components, TrainSettings settings, List<Metric> metrics) {
        this(components, settings, metrics, BalanceTrainingSettings.defaults(), AuxiliaryNetworks.none());
    }

    /**
     * @param balance   learned backward policy, behaviour policy and replay settings
     * @param auxiliary the state-flow network and learned backward policy, where the run has them
     */
    public Trainer(RunComponents components, TrainSettings settings, List<Metric> metrics, BalanceTrainingSettings balance,
                   AuxiliaryNetworks auxiliary) {
        this.components = components;
        this.settings = settings;
        this.metrics = metrics;
        this.adam = new Adam(components.policy().parameterCount(), settings.learningRate());
        this.logPartitionAdam = new Adam(1, settings.logPartitionLearningRate());
        this.balance = balance;
        this.auxiliary = auxiliary;
        Objective objective = components.objective();
        balance.validateFor(objective, components.objectiveName());
        if (components.isContinuous() && !objective.stateQuantities().isEmpty()) {
            throw new InvalidConfigException("objective.name", "'" + components.objectiveName() + "' needs state flows,"
                    + " which continuous environments do not provide; use tb, vargrad or a divergence");
        }
        if (settings.batchSize() < objective.minimumBatchSize()) {
            throw new InvalidConfigException("train.batch-size", "the objective '" + components.objectiveName()
                    + "' needs batches of at least " + objective.minimumBatchSize() + " trajectories, got " + settings.batchSize());
        }
        if (components.isContinuous() && settings.epsilon() > 0) {
            throw new InvalidConfigException("train.epsilon", "epsilon-greedy exploration picks uniformly among discrete"
                    + " actions; the continuous environment '" + components.environmentName() + "' samples on-policy: set 0");
        }
        if (objective instanceof ScoreFunctionObjective
                && settings.batchSize() < components.estimator().minimumBatchSize()) {
            throw new InvalidConfigException("train.batch-size", "the estimator '" + components.estimatorName()
                    + "' needs batches of at least " + components.estimator().minimumBatchSize()
                    + " trajectories (a leave-one-out baseline needs N >= 2), got " + settings.batchSize());
        }
    }

    /** Where the training time went, cumulated over all iterations (evaluation excluded). */
    public PhaseTimes phaseTimes() {
        return phaseTimes;
    }

    public RunComponents components() {
        return components;
    }

    public Policy policy() {
        return components.policy();
    }

    /** The state-flow network and learned backward policy of the run (either may be absent). */
    public AuxiliaryNetworks auxiliaryNetworks() {
        return auxiliary;
    }

    /** The learned log Z (0 and unused for objectives without one). */
    public double logPartition() {
        return logPartition;
    }

    public RunSummary train(List<TrainingListener> listeners) {
        return train(listeners, CheckpointSink.NONE);
    }

    /** Trains from the current state (fresh, or {@link #restore restored}) to {@code train.iterations}. */
    public RunSummary train(List<TrainingListener> listeners, CheckpointSink checkpoints) {
        if (components.environment() instanceof ContinuousEnvironment<?> continuous) {
            return trainContinuous(continuous, listeners, checkpoints);
        }
        return trainWith(components.discreteEnvironment("the discrete training path"), listeners, checkpoints);
    }

    /** Iterations completed so far. */
    public long iteration() {
        return iteration;
    }

    /** Continues from a checkpoint: parameters, log Z, optimizer moments and counters. */
    public void restore(TrainingState state) {
        // A replay buffer's contents are not in the checkpoint: it would restart empty and the run
        // would differ from the uninterrupted one. Refuse rather than continue a different run silently.
        if (balance.replays()) {
            throw new InvalidConfigException("--resume", "resuming is not supported yet for runs with a replay buffer"
                    + " (replay.fraction > 0): its contents are not in the checkpoint. Start a new run instead");
        }
        if (state.parameters().length != components.policy().parameterCount()) {
            throw new IllegalArgumentException("the checkpoint holds " + state.parameters().length
                    + " policy parameters, the configured policy has " + components.policy().parameterCount());
        }
        components.policy().setParameters(state.parameters());
        logPartition = state.logPartition();
        auxiliary.restore(state.auxiliary());
        adam.restore(state.policyOptimizer());
        logPartitionAdam.restore(state.logPartitionOptimizer());
        iteration = state.iteration();
        trajectoriesSeen = state.trajectoriesSeen();
        wallSecondsBefore = state.wallSeconds();
    }

    /** The state after the last completed iteration (copies). */
    public TrainingState snapshot() {
        return snapshot(wallSecondsBefore);
    }

    private TrainingState snapshot(double wallSeconds) {
        return new TrainingState(iteration, trajectoriesSeen, wallSeconds, components.policy().parameters(), logPartition,
                adam.state(), logPartitionAdam.state(), auxiliary.state());
    }

    /** Asks a running {@link #train} to stop after the current iteration and checkpoint; safe from any thread. */
    public void requestStop() {
        stopRequested = true;
    }

    /** True when the last {@link #train} call ended early on {@link #requestStop()}. */
    public boolean stopped() {
        return stopped;
    }

    /** The configured metrics (and the Monte-Carlo L1 where it applies) of the current parameters. */
    public Map<String, Double> evaluateNow() {
        if (components.environment() instanceof ContinuousEnvironment<?> continuous) {
            Map<String, Double> values = evaluate(null, null, components.objective());
            values.putAll(continuousEvaluation(continuous).evaluate(components.policy(), iteration).metrics());
            return values;
        }
        return evaluateNowWith(components.discreteEnvironment("evaluation"));
    }

    private <S> Map<String, Double> evaluateNowWith(Environment<S> env) {
        ExactEvaluator<S> evaluator = exactEvaluator(env);
        return evaluate(evaluator, evaluator == null ? monteCarloL1(env) : null, components.objective());
    }

    /**
     * One training path: draws a batch (timed as sampling) and re-scores it with the current policy
     * (timed as scoring). The discrete and the continuous path differ only here and in evaluation.
     */
    private interface TrainingPath<T> {
        List<T> sample(long iteration);

        TrainingBatch score(List<T> batch);
    }

    private <S> RunSummary trainContinuous(ContinuousEnvironment<S> env, List<TrainingListener> listeners,
                                            CheckpointSink checkpoints) {
        if (!components.objective().stateQuantities().isEmpty()) {
            throw new InvalidConfigException("objective.name", "'" + components.objectiveName() + "' needs state flows,"
                    + " which continuous environments do not provide; use tb, vargrad or a divergence");
        }
        ContinuousSetup setup = components.continuous();
        ContinuousTrajectorySampler<S> sampler = new ContinuousTrajectorySampler<>(env, components.policy(), setup.density());
        ContinuousBatchScorer<S> scorer = new ContinuousBatchScorer<>(env, components.policy(), setup.density());
        ContinuousEvaluation<S> evaluation = continuousEvaluation(env);
        return loop(new TrainingPath<ContinuousTrajectory<S>>() {
            @Override
            public List<ContinuousTrajectory<S>> sample(long iteration) {
                return sampler.sample(settings.batchSize(), settings.seed(), iteration);
            }

            @Override
            public TrainingBatch score(List<ContinuousTrajectory<S>> batch) {
                return scorer.score(batch);
            }
        }, () -> {
            Map<String, Double> values = evaluate(null, null, components.objective());
            values.putAll(evaluation.evaluate(components.policy(), iteration).metrics());
            return values;
        }, listeners, checkpoints);
    }

    /**
     * A fresh evaluation of this continuous run, drawing exactly the samples that the run's own
     * evaluations draw at each iteration; null for a discrete run.
     */
    public ContinuousEvaluation<?> continuousEvaluation() {
        return components.environment() instanceof ContinuousEnvironment<?> c ? continuousEvaluation(c) : null;
    }

    private <S> ContinuousEvaluation<S> continuousEvaluation(ContinuousEnvironment<S> env) {
        ContinuousSetup setup = components.continuous();
        double known = env instanceof KnownPartitionFunction k ? k.logPartition() : Double.NaN;
        return new ContinuousEvaluation<>(env, setup.density(), setup.jsdGrid(), setup.jsdSamples(), settings.seed(), known);
    }

    private <S> RunSummary trainWith(Environment<S> env, List<TrainingListener> listeners, CheckpointSink checkpoints) {
        Policy policy = components.policy();
        Objective objective = components.objective();
        ExecutorService executor = settings.samplerThreads() > 1 ? Executors.newFixedThreadPool(settings.samplerThreads(), r -> {
            Thread t = new Thread(r, "gfn4j-sampler");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            TrajectorySampler<S> sampler = new TrajectorySampler<>(env, policy, settings.samplerThreads(), executor);
            BatchSource<S> batches = new BatchSource<>(env, sampler, settings, balance);
            BatchScorer<S> scorer = new BatchScorer<>(env, policy, auxiliary.flowNetwork(), auxiliary.backwardPolicy(),
                    objective.stateQuantities());
            ExactEvaluator<S> evaluator = exactEvaluator(env);
            MonteCarloL1<S> monteCarlo = evaluator == null ? monteCarloL1(env) : null;
            return loop(new TrainingPath<Trajectory<S>>() {
                @Override
                public List<Trajectory<S>> sample(long iteration) {
                    return batches.next(iteration);
                }

                @Override
                public TrainingBatch score(List<Trajectory<S>> batch) {
                    return scorer.score(batch);
                }
            }, () -> evaluate(evaluator, monteCarlo, objective), listeners, checkpoints);
        } finally {
            if (executor != null) {
                executor.shutdownNow();
            }
        }
    }

    /** The training loop shared by the discrete and the continuous path. */
    private <T> RunSummary loop(TrainingPath<T> source, Supplier<Map<String, Double>> evaluation,
                                List<TrainingListener> listeners, CheckpointSink checkpoints) {
        Policy policy = components.policy();
        Objective objective = components.objective();
        {
            for (TrainingListener l : listeners) {
                l.onStart(new RunStart(components.environmentName(), components.objectiveName(),
                        objective instanceof ScoreFunctionObjective ? components.estimatorName() : "exact",
                        settings.iterations(), settings.batchSize()));
            }
            long start = System.nanoTime() - (long) (wallSecondsBefore * 1e9);
            stopped = false;
            double loss = Double.NaN;
            Map<String, Double> last = new LinkedHashMap<>();
            float[] parameters = policy.parameters();
            if (iteration == 0) {
                // iteration 0: the untrained policy, the baseline every curve starts from
                last = evaluation.get();
                EvaluationRecord initial = new EvaluationRecord(0, 0, 0.0, Double.NaN, last);
                for (TrainingListener l : listeners) {
                    l.onEvaluation(initial);
                }
            }
            for (iteration = iteration + 1; iteration <= settings.iterations(); iteration++) {
                long t0 = System.nanoTime();
                List<T> batch = source.sample(iteration);
                long t1 = System.nanoTime();
                TrainingBatch scored = source.score(batch);
                long t2 = System.nanoTime();
                if (iteration == 1 && objective.learnsLogPartition()) {
                    logPartition = Double.isNaN(settings.logPartitionInit())
                            ? -meanLogRatio(scored) : settings.logPartitionInit();
                }
                float[] gradient;
                double logPartitionGradient = 0;
                long t3;
                if (objective instanceof BalanceObjective balanceObjective) {
                    LossGradient g = balanceObjective.lossAndGradient(scored.batch(), logPartition);
                    t3 = System.nanoTime();
                    BatchGradients gradients = scored.gradients(g);
                    gradient = gradients.policy();
                    auxiliary.step(gradients);
                    logPartitionGradient = g.dLogPartition();
                    loss = g.loss();
                } else {
                    ScoreFunctionTerms terms = ((ScoreFunctionObjective) objective).terms(scored.batch());
                    double[] coefficients = components.estimator().coefficients(terms, scored);
                    t3 = System.nanoTime();
                    gradient = scored.parameterGradient(coefficients);
                    loss = terms.valueEstimate();
                }
                requireFinite(gradient);
                long t4 = System.nanoTime();
                adam.step(parameters, gradient);
                policy.setParameters(parameters);
                if (objective.learnsLogPartition()) {
                    logPartition = logPartitionAdam.step(logPartition, logPartitionGradient);
                }
                phaseTimes.add(t1 - t0, t2 - t1, t3 - t2, t4 - t3, System.nanoTime() - t4);
                trajectoriesSeen += batch.size();
                double wall = (System.nanoTime() - start) / 1e9;
                IterationRecord record = new IterationRecord(iteration, trajectoriesSeen, loss, logPartition, wall);
                for (TrainingListener l : listeners) {
                    l.onIteration(record);
                }
                if (iteration % settings.evalEvery() == 0 || iteration == settings.iterations()) {
                    last = evaluation.get();
                    EvaluationRecord eval = new EvaluationRecord(iteration, trajectoriesSeen, (System.nanoTime() - start) / 1e9,
                            loss, last);
                    for (TrainingListener l : listeners) {
                        l.onEvaluation(eval);
                    }
                }
                boolean stop = stopRequested; // read once: the request may arrive from another thread at any moment
                if (stop || checkpoints.due(iteration, iteration == settings.iterations())) {
                    wallSecondsBefore = (System.nanoTime() - start) / 1e9;
                    checkpoints.save(snapshot(wallSecondsBefore));
                }
                if (stop) {
                    stopped = true;
                    stopRequested = false;
                    return new RunSummary(iteration, trajectoriesSeen, (System.nanoTime() - start) / 1e9, last);
                }
            }
            iteration--; // the loop ran one past the last iteration
            wallSecondsBefore = (System.nanoTime() - start) / 1e9;
            RunSummary summary = new RunSummary(iteration, trajectoriesSeen, wallSecondsBefore, last);
            for (TrainingListener l : listeners) {
                l.onFinish(summary);
            }
            return summary;
        }
    }

    /** Built once per trainer: enumerating a state space (or finding it too large) can take many seconds. */
    @SuppressWarnings("unchecked")
    private <S> ExactEvaluator<S> exactEvaluator(Environment<S> env) {
        if (!exactEvaluatorTried) {
            exactEvaluatorTried = true;
            if (env instanceof Enumerable<?>) {
                try {
                    exactEvaluator = ExactEvaluator.build(env, settings.maxEvalStates());
                } catch (StateSpaceTooLargeException e) {
                    LOG.warn(e.getMessage());
                }
            }
        }
        return (ExactEvaluator<S>) exactEvaluator;
    }

    private <S> MonteCarloL1<S> monteCarloL1(Environment<S> env) {
        if (!(env instanceof KnownPartitionFunction known) || !Double.isFinite(known.logPartition())
                || settings.monteCarloSamples() == 0) {
            return null;
        }
        return new MonteCarloL1<>(env, known.logPartition(), settings.monteCarloSamples(), settings.monteCarloBackward(),
                settings.seed());
    }

    /** Definitions of what {@link #train} reports beyond the configured metrics (the Monte-Carlo L1). */
    public Map<String, String> extraDefinitions() {
        Map<String, String> d = new LinkedHashMap<>();
        if (components.environment() instanceof ContinuousEnvironment<?> continuous) {
            d.putAll(continuousEvaluation(continuous).definitions());
            return d;
        }
        Environment<?> env = components.discreteEnvironment("Monte-Carlo L1");
        if (monteCarloApplies(env)) {
            d.put("l1_mc", new MonteCarloL1<>(env, 0, settings.monteCarloSamples(), settings.monteCarloBackward(), 0).definition());
        }
        return d;
    }

    private <S> boolean monteCarloApplies(Environment<S> env) {
        return exactEvaluator(env) == null && monteCarloL1(env) != null;
    }

    private <S> Map<String, Double> evaluate(ExactEvaluator<S> evaluator, MonteCarloL1<S> monteCarlo, Objective objective) {
        Map<String, Double> values = new LinkedHashMap<>();
        if (evaluator == null) {
            TaskEnvironment env = components.environment();
            double known = env instanceof KnownPartitionFunction k ? k.logPartition() : Double.NaN;
            TerminalDistributions partial = new TerminalDistributions(null, null, null, known,
                    objective.learnsLogPartition() ? logPartition : Double.NaN);
            for (Metric m : metrics) {
                values.put(m.name(), m.compute(partial));
            }
            if (monteCarlo != null) {
                values.put("l1_mc", monteCarlo.estimate(components.policy(), iteration));
            }
            return values;
        }
        TerminalDistributions d = evaluator.evaluate(components.policy(), objective.learnsLogPartition() ? logPartition
                : auxiliary.logPartitionEstimate(components.discreteEnvironment("evaluation"), components.policy(), objective));
        for (Metric m : metrics) {
            values.put(m.name(), m.compute(d));
        }
        return values;
    }

    private static double meanLogRatio(TrainingBatch scored) {
        double sum = 0;
        for (int i = 0; i < scored.batch().size(); i++) {
            sum += scored.batch().logRatio(i);
        }
        return sum / scored.batch().size();
    }

    private void requireFinite(float[] gradient) {
        for (int k = 0; k < gradient.length; k++) {
            if (!Float.isFinite(gradient[k])) {
                throw new NonFiniteValueException("gradient of policy parameter " + k + " is " + gradient[k]
                        + " at iteration " + iteration);
            }
        }
    }

    /** True for divergences, whose gradient goes through the configured estimator. */
    public boolean objectiveIsScoreFunction() {
        return components.objective() instanceof ScoreFunctionObjective;
    }

    /** Names of the metrics in evaluation order. */
    public List<String> metricNames() {
        List<String> names = new ArrayList<>();
        for (Metric m : metrics) {
            names.add(m.name());
        }
        return names;
    }
}
