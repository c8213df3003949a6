package org.gfn4j.runtime.output;

import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.runtime.config.RunConfig;

/** The {@code checkpoint} and {@code plots} sections of a run config, validated. */
public record OutputSettings(long checkpointEvery, int checkpointKeep, boolean plots, double plotsMinSeconds) {

    public static OutputSettings from(RunConfig config) {
        ConfigSection checkpoint = config.plain("checkpoint");
        ConfigSection plots = config.plain("plots");
        return new OutputSettings(checkpoint.getLong("every", 0, Long.MAX_VALUE), checkpoint.getInt("keep", 1, 1_000_000),
                plots.getBoolean("enabled"), plots.getDouble("min-seconds", 0, 1e9));
    }
}
