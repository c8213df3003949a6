package org.gfn4j.runtime.output;

import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/** One-line JSON for run files, rendered by Typesafe Config; non-finite numbers become null (JSON has no NaN). */
final class Json {
    private Json() {
    }

    static String render(Map<String, ?> values) {
        Map<String, Object> clean = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : values.entrySet()) {
            clean.put(e.getKey(), sanitize(e.getValue()));
        }
        return ConfigValueFactory.fromMap(clean).render(ConfigRenderOptions.concise());
    }

    private static Object sanitize(Object v) {
        if (v instanceof Double d && !Double.isFinite(d)) {
            return null;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> inner = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                inner.put(String.valueOf(e.getKey()), sanitize(e.getValue()));
            }
            return inner;
        }
        return v;
    }
}
