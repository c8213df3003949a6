package org.gfn4j.api.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.gfn4j.api.InvalidConfigException;

/**
 * A plugin's config section, merged over the plugin's defaults and checked for unknown keys, with
 * typed getters whose errors name the full key, the bad value and the allowed range.
 *
 * <p>Plugins receive one of these from the runtime; plugin tests build one with {@link #of}.
 */
public final class ConfigSection {
    private final String path;
    private final Config config;

    private ConfigSection(String path, Config config) {
        this.path = path;
        this.config = config;
    }

    /**
     * Merges {@code values} over {@code defaults} and rejects keys that the defaults do not declare
     * (besides {@code name}), suggesting the nearest declared key.
     *
     * @param path where the section sits in the run config, e.g. {@code env}; used in messages
     */
    public static ConfigSection of(String path, Config values, Config defaults) {
        Set<String> known = new TreeSet<>();
        for (Map.Entry<String, ConfigValue> e : defaults.entrySet()) {
            known.add(e.getKey());
        }
        for (Map.Entry<String, ConfigValue> e : values.entrySet()) {
            String key = e.getKey();
            if (key.equals("name") || known.contains(key)) {
                continue;
            }
            String plugin = values.hasPath("name") ? " of " + path + ".name = " + values.getValue("name").unwrapped() : "";
            String message = "unknown key" + plugin + ".";
            Set<String> allowed = new TreeSet<>(known);
            allowed.add("name");
            String nearest = NearestName.find(key, allowed);
            if (nearest != null) {
                message += " Did you mean '" + path + "." + nearest + "'?";
            }
            message += " Allowed keys: " + String.join(", ", allowed);
            throw new InvalidConfigException(path + "." + key, message);
        }
        return new ConfigSection(path, values.withFallback(defaults).withoutPath("name"));
    }

    /** A section built from defaults alone, handy in tests. */
    public static ConfigSection defaultsOf(String path, Config defaults) {
        return of(path, ConfigFactory.empty(), defaults);
    }

    /** This section with one value replaced; the key must be declared. */
    public ConfigSection with(String key, Object value) {
        if (!config.hasPath(key)) {
            throw new InvalidConfigException(path + "." + key, "unknown key");
        }
        return new ConfigSection(path, ConfigFactory.parseMap(Map.of(key, value)).withFallback(config));
    }

    public String path() {
        return path;
    }

    /** The merged values, for plugins that need structured entries. */
    public Config config() {
        return config;
    }

    /** Typesafe Config truncates 3.5 to 3 when asked for an integer: refuse a fractional value instead. */
    private void requireIntegral(String key, String whatIsAllowed) {
        if (config.hasPath(key) && config.getValue(key).unwrapped() instanceof Number n
                && n.doubleValue() != Math.rint(n.doubleValue())) {
            throw bad(key, whatIsAllowed);
        }
    }

    public int getInt(String key, int min, int max) {
        requireIntegral(key, "must be an integer between " + min + " and " + max);
        int v;
        try {
            v = config.getInt(key);
        } catch (ConfigException.WrongType e) {
            throw bad(key, "must be an integer between " + min + " and " + max);
        }
        if (v < min || v > max) {
            throw bad(key, "must be between " + min + " and " + max);
        }
        return v;
    }

    public long getLong(String key, long min, long max) {
        requireIntegral(key, "must be an integer between " + min + " and " + max);
        long v;
        try {
            v = config.getLong(key);
        } catch (ConfigException.WrongType e) {
            throw bad(key, "must be an integer between " + min + " and " + max);
        }
        if (v < min || v > max) {
            throw bad(key, "must be between " + min + " and " + max);
        }
        return v;
    }

    /** A finite double in [min, max]. */
    public double getDouble(String key, double min, double max) {
        double v;
        try {
            v = config.getDouble(key);
        } catch (ConfigException.WrongType e) {
            throw bad(key, "must be a number between " + min + " and " + max);
        }
        if (!Double.isFinite(v) || v < min || v > max) {
            throw bad(key, "must be a finite number between " + min + " and " + max);
        }
        return v;
    }

    /** A finite double strictly greater than zero. */
    public double getPositiveDouble(String key) {
        double v = getDouble(key, 0.0, Double.MAX_VALUE);
        if (v <= 0) {
            throw bad(key, "must be greater than 0");
        }
        return v;
    }

    public boolean getBoolean(String key) {
        try {
            return config.getBoolean(key);
        } catch (ConfigException.WrongType e) {
            throw bad(key, "must be true or false");
        }
    }

    public String getString(String key) {
        try {
            return config.getString(key);
        } catch (ConfigException.WrongType e) {
            throw bad(key, "must be a string");
        }
    }

    /** One of the allowed strings. */
    public String getChoice(String key, List<String> allowed) {
        String v = getString(key);
        if (!allowed.contains(v)) {
            throw bad(key, "must be one of " + allowed);
        }
        return v;
    }

    public List<Integer> getIntList(String key, int min, int max) {
        List<Integer> values;
        for (Object o : config.hasPath(key) && config.getValue(key).unwrapped() instanceof List<?> l ? l : List.of()) {
            if (o instanceof Number n && n.doubleValue() != Math.rint(n.doubleValue())) {
                throw bad(key, "must be a list of integers between " + min + " and " + max);
            }
        }
        try {
            values = config.getIntList(key);
        } catch (ConfigException.WrongType e) {
            throw bad(key, "must be a list of integers between " + min + " and " + max);
        }
        for (int v : values) {
            if (v < min || v > max) {
                throw bad(key, "every entry must be between " + min + " and " + max);
            }
        }
        return new ArrayList<>(values);
    }

    public List<String> getStringList(String key) {
        try {
            return new ArrayList<>(config.getStringList(key));
        } catch (ConfigException.WrongType e) {
            throw bad(key, "must be a list of strings");
        }
    }

    /** An error about {@code key} of this section, for checks the getters do not cover. */
    public InvalidConfigException bad(String key, String whatIsAllowed) {
        String shown = config.hasPath(key) ? config.getValue(key).render(ConfigRenderOptions.concise()) : "(missing)";
        return new InvalidConfigException(path + "." + key, "bad value " + shown + ": " + whatIsAllowed);
    }
}
