package org.gfn4j.runtime.plugin;

/** Java sources of tiny plugins, compiled at test time against the api alone. */
final class PluginSources {
    private PluginSources() {
    }

    /** An environment factory {@code name}: a line 0..length, reward e^x, enumerable. */
    static String lineEnvironment(String pkg, String className, String name) {
        return """
                package PKG;

                import com.typesafe.config.Config;
                import com.typesafe.config.ConfigFactory;
                import java.util.ArrayList;
                import java.util.Arrays;
                import java.util.List;
                import org.gfn4j.api.config.ConfigSection;
                import org.gfn4j.api.env.Enumerable;
                import org.gfn4j.api.env.Environment;
                import org.gfn4j.api.env.EnvironmentFactory;

                public final class CLASS implements EnvironmentFactory {
                    public String name() { return "NAME"; }
                    public String description() { return "a line 0..length with reward e^x (test plugin)"; }
                    public Config defaults() { return ConfigFactory.parseString("# steps of the line\\nlength = 3"); }
                    public Environment<?> create(ConfigSection section) { return new Line(section.getInt("length", 1, 100)); }

                    static final class Line implements Environment<Integer>, Enumerable<Integer> {
                        private final int n;
                        Line(int n) { this.n = n; }
                        public Integer initialState() { return 0; }
                        public int forwardActionCount() { return 2; }
                        public int backwardActionCount() { return 1; }
                        public void forwardMask(Integer s, boolean[] m) { m[0] = s < n; m[1] = true; }
                        public void backwardMask(Integer s, boolean[] m) { m[0] = s > 0; }
                        public Integer step(Integer s, int a) { return s + 1; }
                        public Integer backwardStep(Integer s, int b) { return s - 1; }
                        public int forwardActionFor(Integer s, int b) { return 0; }
                        public double logReward(Integer x) { return x; }
                        public int maxTrajectoryLength() { return n; }
                        public int featureSize() { return n + 1; }
                        public void features(Integer s, float[] out, int offset) {
                            Arrays.fill(out, offset, offset + n + 1, 0f);
                            out[offset + s] = 1f;
                        }
                        public List<Integer> terminalStates(long cap) {
                            List<Integer> all = new ArrayList<>();
                            for (int i = 0; i <= n; i++) { all.add(i); }
                            return all;
                        }
                    }
                }
                """.replace("PKG", pkg).replace("CLASS", className).replace("NAME", name);
    }

    /** An objective factory {@code name}: reverse KL written out (f = lambda, f' = 1). */
    static String reverseKlObjective(String pkg, String className, String name) {
        return """
                package PKG;

                import com.typesafe.config.Config;
                import com.typesafe.config.ConfigFactory;
                import org.gfn4j.api.config.ConfigSection;
                import org.gfn4j.api.objective.Objective;
                import org.gfn4j.api.objective.ObjectiveFactory;
                import org.gfn4j.api.objective.ScoreFunctionObjective;
                import org.gfn4j.api.objective.ScoreFunctionTerms;
                import org.gfn4j.api.objective.TrajectoryBatch;

                public final class CLASS implements ObjectiveFactory {
                    public String name() { return "NAME"; }
                    public String description() { return "reverse KL written out (test plugin)"; }
                    public Config defaults() { return ConfigFactory.empty(); }
                    public Objective create(ConfigSection section) {
                        return new ScoreFunctionObjective() {
                            public ScoreFunctionTerms terms(TrajectoryBatch batch) {
                                batch.requireFinite();
                                int n = batch.size();
                                double[] f = new double[n];
                                double[] fPrime = new double[n];
                                double mean = 0;
                                for (int i = 0; i < n; i++) {
                                    f[i] = batch.logRatio(i);
                                    fPrime[i] = 1;
                                    mean += f[i] / n;
                                }
                                return new ScoreFunctionTerms(f, fPrime, 1.0, mean);
                            }
                        };
                    }
                }
                """.replace("PKG", pkg).replace("CLASS", className).replace("NAME", name);
    }

    /** An environment factory whose constructor throws. */
    static String throwingEnvironment(String pkg, String className) {
        return """
                package PKG;

                import com.typesafe.config.Config;
                import org.gfn4j.api.config.ConfigSection;
                import org.gfn4j.api.env.Environment;
                import org.gfn4j.api.env.EnvironmentFactory;

                public final class CLASS implements EnvironmentFactory {
                    public CLASS() { throw new IllegalStateException("boom: the licence file is missing"); }
                    public String name() { return "never"; }
                    public String description() { return "never"; }
                    public Config defaults() { return null; }
                    public Environment<?> create(ConfigSection section) { return null; }
                }
                """.replace("PKG", pkg).replace("CLASS", className);
    }
}
