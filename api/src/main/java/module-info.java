/**
 * The service-provider interfaces of gfn4j. Plugin authors depend on this module alone: it holds no
 * numerics library, only interfaces, records and the few pure helpers every plugin needs.
 */
module org.gfn4j.api {
    requires transitive typesafe.config;

    exports org.gfn4j.api;
    exports org.gfn4j.api.config;
    exports org.gfn4j.api.conformance;
    exports org.gfn4j.api.env;
    exports org.gfn4j.api.estimator;
    exports org.gfn4j.api.math;
    exports org.gfn4j.api.metric;
    exports org.gfn4j.api.objective;
    exports org.gfn4j.api.policy;
    exports org.gfn4j.api.train;
}
