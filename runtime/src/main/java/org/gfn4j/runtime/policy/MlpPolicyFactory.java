package org.gfn4j.runtime.policy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.policy.Policy;
import org.gfn4j.api.policy.PolicyFactory;
import org.gfn4j.api.policy.PolicySpec;

/** {@code policy { name = mlp, hidden = [256, 256] }}: a ReLU multilayer perceptron on ND4J. */
public final class MlpPolicyFactory implements PolicyFactory {
    private static final Config DEFAULTS = ConfigFactory.parseString("""
            # widths of the hidden ReLU layers, input to output
            hidden = [256, 256]
            """);

    @Override
    public String name() {
        return "mlp";
    }

    @Override
    public String description() {
        return "multilayer perceptron with ReLU hidden layers on ND4J (hand-written backward pass)";
    }

    @Override
    public Config defaults() {
        return DEFAULTS;
    }

    @Override
    public Policy create(ConfigSection section, PolicySpec spec) {
        List<Integer> hidden = section.getIntList("hidden", 1, 65_536);
        return new MlpPolicy(spec.inputSize(), hidden.stream().mapToInt(Integer::intValue).toArray(), spec.outputSize(),
                spec.seed());
    }
}
