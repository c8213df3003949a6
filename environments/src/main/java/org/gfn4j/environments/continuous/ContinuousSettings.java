package org.gfn4j.environments.continuous;

import com.typesafe.config.ConfigException;
import java.util.List;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.env.EvaluationBox;

/** The keys every continuous target shares: steps, backward-std and box. */
final class ContinuousSettings {
    /** The shared part of each factory's defaults, with comments. */
    static final String DEFAULTS = """
            # number of forward steps T of every trajectory (x_0 = 0, x_T is the sample)
            steps = 10
            # sigma_B: std per step of the fixed backward kernel, the Brownian bridge back to 0:
            # p_B(x_t | x_{t+1}) = N(x_{t+1} t/(t+1), sigma_B^2 t/(t+1) I), deterministic at t = 0
            backward-std = 1.0
            """;

    private ContinuousSettings() {
    }

    static ContinuousTargetEnvironment build(ConfigSection section, TargetDensity target) {
        int steps = section.getInt("steps", 1, 1000);
        double backwardStd = section.getPositiveDouble("backward-std");
        List<Double> box = doubles(section, "box");
        if (box.size() != 2 || !(box.get(0) < box.get(1))) {
            throw section.bad("box", "must be [lower, upper] with lower < upper (the same interval on both axes)");
        }
        return new ContinuousTargetEnvironment(target, steps, backwardStd,
                EvaluationBox.cube(target.dimension(), box.get(0), box.get(1)));
    }

    static List<Double> doubles(ConfigSection section, String key) {
        try {
            List<Double> values = section.config().getDoubleList(key);
            for (double v : values) {
                if (!Double.isFinite(v)) {
                    throw section.bad(key, "every entry must be a finite number");
                }
            }
            return values;
        } catch (ConfigException.WrongType e) {
            throw section.bad(key, "must be a list of numbers");
        }
    }
}
