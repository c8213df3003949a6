package org.gfn4j.runtime.training;

import com.typesafe.config.ConfigFactory;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.env.Environment;
import org.gfn4j.api.env.EnvironmentFactory;
import org.gfn4j.runtime.TestRuns;
import org.gfn4j.runtime.plugin.PluginKind;

/** Hypergrids built through the plugin registry, as a run would build them. */
public final class Hypergrids {
    private Hypergrids() {
    }

    public static Environment<?> of(int ndim, int height) {
        EnvironmentFactory f = TestRuns.registry().find(PluginKind.ENVIRONMENT, EnvironmentFactory.class, "hypergrid");
        return (Environment<?>) f.create(ConfigSection.of("env", ConfigFactory.parseString("ndim = " + ndim + ", height = " + height), f.defaults()));
    }
}
