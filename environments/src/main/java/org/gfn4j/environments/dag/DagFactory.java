package org.gfn4j.environments.dag;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.env.Environment;
import org.gfn4j.api.env.EnvironmentFactory;

/** {@code env { name = dag, nodes, data, samples, seed, alpha-mu, temperature }}. */
public final class DagFactory implements EnvironmentFactory {
    private static final Config DEFAULTS = ConfigFactory.parseString("""
            # number of variables n; exact evaluation enumerates all DAGs (4 nodes: 543, 5: 29,281, 6: 3,781,503)
            nodes = 5
            # CSV file of observations (one column per variable, optional header row); must have `nodes` columns.
            # Empty: simulate data from a random linear-Gaussian network drawn with `seed` (see samples).
            data = ""
            # simulated samples (only when data is empty)
            samples = 100
            # seeds java.util.Random for the simulated network and data (only when data is empty):
            # Erdos-Renyi graph with n edges on average, weights +-U[0.5, 2), unit Gaussian noise
            seed = 0
            # BGe prior: alpha_mu (equivalent sample size of the mean); alpha_w is fixed at nodes + 2
            alpha-mu = 1.0
            # log r(G) = BGe(D | G) / temperature + log P(G), with P(G) uniform over DAGs
            temperature = 1.0
            """);

    @Override
    public String name() {
        return "dag";
    }

    @Override
    public String description() {
        return "Bayesian structure learning: DAGs built edge by edge, BGe score with a uniform graph prior (Deleu et al. 2022)";
    }

    @Override
    public Config defaults() {
        return DEFAULTS;
    }

    @Override
    public Environment<?> create(ConfigSection section) {
        int nodes = section.getInt("nodes", 2, DagEnvironment.MAX_NODES);
        String dataPath = section.getString("data");
        int samples = section.getInt("samples", 2, 100_000_000);
        long seed = section.getLong("seed", Long.MIN_VALUE, Long.MAX_VALUE);
        double alphaMu = section.getPositiveDouble("alpha-mu");
        double temperature = section.getPositiveDouble("temperature");
        ObservationTable data;
        if (dataPath.isBlank()) {
            Random random = new Random(seed);
            data = LinearGaussianNetwork.random(nodes, random).sample(samples, random);
        } else {
            Path path = Path.of(dataPath);
            if (!Files.isReadable(path)) {
                throw section.bad("data", "must be a readable CSV file (or empty to simulate data); " + path.toAbsolutePath() + " is not");
            }
            try {
                data = ObservationTable.readCsv(path);
            } catch (IOException e) {
                throw section.bad("data", "cannot be read: " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw section.bad("data", "is not a valid CSV file of numbers: " + e.getMessage());
            }
            if (data.variableCount() != nodes) {
                throw section.bad("nodes", "must equal the number of columns of " + dataPath + ", which is " + data.variableCount());
            }
        }
        return new DagEnvironment(data, alphaMu, temperature);
    }

    /** The data the factory simulates for a given config: exposed so tests and tools can see the true graph. */
    public static LinearGaussianNetwork simulatedNetwork(int nodes, long seed) {
        return LinearGaussianNetwork.random(nodes, new Random(seed));
    }
}
