package org.gfn4j.api;

import com.typesafe.config.Config;

/**
 * What every pluggable factory shares: a stable name that configs use, a one-line description for
 * {@code gfn4j plugins}, and the defaults of its config section.
 *
 * <p>A config slot such as {@code env { name = hypergrid, ndim = 2 }} picks the plugin by
 * {@code name}; the other keys are the plugin's parameters. The runtime merges the user's keys over
 * {@link #defaults()} and rejects any key the defaults do not declare, so the defaults are also the
 * plugin's documentation: give every key a comment.
 */
public interface Plugin {

    /** The name used in configs, lower-case with dashes, e.g. {@code hypergrid}, {@code loo-score}. */
    String name();

    /** One line for {@code gfn4j plugins}. */
    String description();

    /** Every parameter this plugin accepts with its default value (without {@code name}). */
    Config defaults();
}
