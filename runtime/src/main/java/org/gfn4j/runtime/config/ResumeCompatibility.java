package org.gfn4j.runtime.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.gfn4j.api.InvalidConfigException;

/**
 * Which keys a resumed run may change. A resumed run must be the continuation of the run it
 * resumes: the same model shape, the same objective, optimizer, seed and sampling, so that it ends
 * where the uninterrupted run would have ended. Only keys that say how long to train and what to
 * write may change: {@code train.iterations} (raised, to continue longer), {@code eval.every},
 * {@code checkpoint.*}, {@code plots.*} and {@code run.*}.
 */
public final class ResumeCompatibility {
    private static final List<String> MAY_CHANGE = List.of("train.iterations", "eval.every", "checkpoint.", "plots.", "run.");

    private ResumeCompatibility() {
    }

    /**
     * @param saved     the run's own resolved config (its {@code config.conf})
     * @param requested the config the resumed run would use (with the {@code --set} overrides)
     * @throws InvalidConfigException naming the first key that must not change
     */
    public static void check(RunConfig saved, RunConfig requested, long checkpointIteration) {
        Map<String, Object> before = leaves(saved.resolved());
        Map<String, Object> after = leaves(requested.resolved());
        TreeMap<String, Object> keys = new TreeMap<>(before);
        keys.putAll(after);
        for (String key : keys.keySet()) {
            Object a = before.get(key);
            Object b = after.get(key);
            if (same(a, b) || mayChange(key)) {
                continue;
            }
            throw new InvalidConfigException(key, "cannot change when resuming (" + render(a) + " -> " + render(b)
                    + "): a resumed run continues the same model and training. Only train.iterations, eval.every, "
                    + "checkpoint.*, plots.* and run.* may change; start a new run to change " + key);
        }
        long iterations = requested.resolved().getLong("train.iterations");
        if (iterations < checkpointIteration) {
            throw new InvalidConfigException("train.iterations", "is " + iterations + " but the checkpoint is at iteration "
                    + checkpointIteration + "; a resumed run can only continue (raise it)");
        }
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return Objects.equals(a, b);
    }

    private static boolean mayChange(String key) {
        for (String allowed : MAY_CHANGE) {
            if (allowed.endsWith(".") ? key.startsWith(allowed) : key.equals(allowed)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> leaves(Config config) {
        Map<String, Object> leaves = new TreeMap<>();
        for (Map.Entry<String, ConfigValue> e : config.entrySet()) {
            leaves.put(e.getKey(), e.getValue().unwrapped());
        }
        return leaves;
    }

    private static String render(Object value) {
        return value == null ? "(unset)" : String.valueOf(value).replace(" ", "");
    }
}
