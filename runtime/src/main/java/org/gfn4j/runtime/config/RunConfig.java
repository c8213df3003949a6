package org.gfn4j.runtime.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import org.gfn4j.api.config.ConfigSection;

/**
 * A resolved run config: every effective value, defaults included, and what the user set.
 *
 * @param resolved every key the run reads, with its effective value
 * @param user     only the keys the user set (run file and overrides)
 */
public record RunConfig(Config resolved, Config user) {

    /** The config section of a pluggable slot, e.g. {@code env}. */
    public ConfigSection section(String path) {
        return ConfigSection.of(path, resolved.getConfig(path), com.typesafe.config.ConfigFactory.empty()
                .withFallback(resolved.getConfig(path).withoutPath("name")));
    }

    public ConfigSection plain(String path) {
        return section(path);
    }

    public String pluginName(String slot) {
        return resolved.getString(slot + ".name");
    }

    /** HOCON text of the resolved config, as written into the run directory. */
    public String render() {
        return resolved.root().render(ConfigRenderOptions.defaults().setOriginComments(false).setJson(false));
    }

    public boolean userSet(String path) {
        return user.hasPath(path);
    }
}
