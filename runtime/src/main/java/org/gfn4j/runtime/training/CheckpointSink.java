package org.gfn4j.runtime.training;

/**
 * Where the trainer hands its {@link TrainingState} at the end of an iteration (after evaluation and
 * every listener, so that the logs on disk already cover the iteration a checkpoint holds).
 */
public interface CheckpointSink {

    /** True when a checkpoint should be taken after {@code iteration}; {@code last} marks the run's final iteration. */
    boolean due(long iteration, boolean last);

    /** Stores the state; called when {@link #due} says so, and once more when the trainer is asked to stop. */
    void save(TrainingState state);

    /** Takes no checkpoints. */
    CheckpointSink NONE = new CheckpointSink() {
        @Override
        public boolean due(long iteration, boolean last) {
            return false;
        }

        @Override
        public void save(TrainingState state) {
        }
    };
}
