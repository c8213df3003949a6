/**
 * gfn4j's built-in gradient estimators: REINFORCE with the leave-one-out baseline and the score
 * control variate, alone or combined. The runtime finds them through the service below.
 */
module org.gfn4j.estimators {
    requires org.gfn4j.api;

    provides org.gfn4j.api.estimator.EstimatorFactory with
            org.gfn4j.estimators.ReinforceEstimatorFactory,
            org.gfn4j.estimators.LeaveOneOutEstimatorFactory,
            org.gfn4j.estimators.ScoreEstimatorFactory,
            org.gfn4j.estimators.LeaveOneOutScoreEstimatorFactory,
            org.gfn4j.estimators.LeaveOneOutScoreSplitEstimatorFactory;
}
