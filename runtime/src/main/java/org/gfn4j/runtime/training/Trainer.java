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
 * The training loop: sample a batch on-policy (ε-greedy at most), re-score it with the current
 * policy in one forward pass, turn the objective (and for divergences the estimator) into
 * per-trajectory coefficients c_i, back-propagate Σ_i c_i log p_F(τ_i) and take an Adam step;
 * evaluate every {@code eval.every} iterations and after the last.
 */
public final class Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final RunComponents components;
    private final TrainSettings settings;
    private final List<Metric> metrics;
    private final PhaseTimes phaseTimes = new PhaseTimes();
    private double logPartition;
    private long iteration;
    private long trajectoriesSeen;

    public Trainer(RunComponents components, TrainSettings settings, List<Metric> metrics) {
        this.components = components;
        this.settings = settings;
        this.metrics = metrics;
        Objective objective = components.objective();
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

    /** The learned log Z (0 and unused for objectives without one). */
    public double logPartition() {
        return logPartition;
    }

    public RunSummary train(List<TrainingListener> listeners) {
        if (components.environment() instanceof ContinuousEnvironment<?> continuous) {
            return trainContinuous(continuous, listeners);
        }
        return trainWith(components.discreteEnvironment("the discrete training path"), listeners);
    }

    /**
     * One training path: draws a batch (timed as sampling) and re-scores it with the current policy
     * (timed as scoring). The discrete and the continuous path differ only here and in evaluation.
     */
    private interface BatchSource<T> {
        List<T> sample(long iteration);

        TrainingBatch score(List<T> batch);
    }

    private <S> RunSummary trainContinuous(ContinuousEnvironment<S> env, List<TrainingListener> listeners) {
        ContinuousSetup setup = components.continuous();
        ContinuousTrajectorySampler<S> sampler = new ContinuousTrajectorySampler<>(env, components.policy(), setup.density());
        ContinuousBatchScorer<S> scorer = new ContinuousBatchScorer<>(env, components.policy(), setup.density());
        ContinuousEvaluation<S> evaluation = continuousEvaluation(env);
        return loop(new BatchSource<ContinuousTrajectory<S>>() {
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
        }, listeners);
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

    private <S> RunSummary trainWith(Environment<S> env, List<TrainingListener> listeners) {
        ExecutorService executor = settings.samplerThreads() > 1 ? Executors.newFixedThreadPool(settings.samplerThreads(), r -> {
            Thread t = new Thread(r, "gfn4j-sampler");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            TrajectorySampler<S> sampler = new TrajectorySampler<>(env, components.policy(), settings.samplerThreads(), executor);
            BatchScorer<S> scorer = new BatchScorer<>(env, components.policy());
            ExactEvaluator<S> evaluator = exactEvaluator(env);
            MonteCarloL1<S> monteCarlo = evaluator == null ? monteCarloL1(env) : null;
            return loop(new BatchSource<Trajectory<S>>() {
                @Override
                public List<Trajectory<S>> sample(long iteration) {
                    return sampler.sample(settings.batchSize(), settings.seed(), iteration, settings.epsilon());
                }

                @Override
                public TrainingBatch score(List<Trajectory<S>> batch) {
                    return scorer.score(batch);
                }
            }, () -> evaluate(evaluator, monteCarlo, components.objective()), listeners);
        } finally {
            if (executor != null) {
                executor.shutdownNow();
            }
        }
    }

    private <T> RunSummary loop(BatchSource<T> source, Supplier<Map<String, Double>> evaluation,
                                List<TrainingListener> listeners) {
        Policy policy = components.policy();
        Objective objective = components.objective();
        { // the loop body as it was inside trainWith's try, before the continuous path shared it
            Adam adam = new Adam(policy.parameterCount(), settings.learningRate());
            Adam logPartitionAdam = new Adam(1, settings.logPartitionLearningRate());
            for (TrainingListener l : listeners) {
                l.onStart(new RunStart(components.environmentName(), components.objectiveName(),
                        objective instanceof ScoreFunctionObjective ? components.estimatorName() : "exact",
                        settings.iterations(), settings.batchSize()));
            }
            long start = System.nanoTime();
            double loss = Double.NaN;
            Map<String, Double> last = new LinkedHashMap<>();
            float[] parameters = policy.parameters();
            // iteration 0: the untrained policy, the baseline every curve starts from
            iteration = 0;
            last = evaluation.get();
            EvaluationRecord initial = new EvaluationRecord(0, 0, 0.0, Double.NaN, last);
            for (TrainingListener l : listeners) {
                l.onEvaluation(initial);
            }
            for (iteration = 1; iteration <= settings.iterations(); iteration++) {
                long t0 = System.nanoTime();
                List<T> batch = source.sample(iteration);
                long t1 = System.nanoTime();
                TrainingBatch scored = source.score(batch);
                long t2 = System.nanoTime();
                if (iteration == 1 && objective.learnsLogPartition()) {
                    logPartition = Double.isNaN(settings.logPartitionInit())
                            ? -meanLogRatio(scored) : settings.logPartitionInit();
                }
                double[] coefficients;
                double logPartitionGradient = 0;
                if (objective instanceof BalanceObjective balance) {
                    LossGradient g = balance.lossAndGradient(scored.batch(), logPartition);
                    coefficients = g.dLogPF();
                    logPartitionGradient = g.dLogPartition();
                    loss = g.loss();
                } else {
                    ScoreFunctionTerms terms = ((ScoreFunctionObjective) objective).terms(scored.batch());
                    coefficients = components.estimator().coefficients(terms, scored);
                    loss = terms.valueEstimate();
                }
                long t3 = System.nanoTime();
                float[] gradient = scored.parameterGradient(coefficients);
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
            }
            iteration = settings.iterations();
            RunSummary summary = new RunSummary(settings.iterations(), trajectoriesSeen, (System.nanoTime() - start) / 1e9, last);
            for (TrainingListener l : listeners) {
                l.onFinish(summary);
            }
            return summary;
        }
    }

    private <S> ExactEvaluator<S> exactEvaluator(Environment<S> env) {
        if (!(env instanceof Enumerable<?>)) {
            return null;
        }
        try {
            return ExactEvaluator.build(env, settings.maxEvalStates());
        } catch (StateSpaceTooLargeException e) {
            LOG.warn(e.getMessage());
            return null;
        }
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
        TerminalDistributions d = evaluator.evaluate(components.policy(),
                objective.learnsLogPartition() ? logPartition : Double.NaN);
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
