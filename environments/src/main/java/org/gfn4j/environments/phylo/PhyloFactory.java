package org.gfn4j.environments.phylo;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gfn4j.api.config.ConfigSection;
import org.gfn4j.api.env.Environment;
import org.gfn4j.api.env.EnvironmentFactory;

/** {@code env { name = phylo, alignment, species, branch-length, temperature }}. */
public final class PhyloFactory implements EnvironmentFactory {
    /** The value of {@code alignment} that selects the bundled primates data. */
    public static final String BUILT_IN = "builtin:primates.nex";

    private static final Config DEFAULTS = ConfigFactory.parseString("""
            # NEXUS or FASTA file of aligned DNA, or builtin:primates.nex for the bundled data
            # (12 primates, 898 sites of mitochondrial DNA; Hayasaka, Gojobori & Horai 1988)
            alignment = "builtin:primates.nex"
            # taxa to place, by their names in the alignment (2 to 63); [] takes every taxon.
            # Default: 7 species (10,395 rooted topologies, enumerable) spanning great apes, a gibbon,
            # an Old World monkey and a lemur as the deepest branch
            species = [Homo_sapiens, Pan, Gorilla, Pongo, Hylobates, Macaca_fuscata, Lemur_catta]
            # length of every branch (expected substitutions per site) in the JC69 likelihood
            branch-length = 0.1
            # log r(x) = log P(D | x) / temperature + log P(x), P(x) uniform over rooted topologies
            temperature = 1.0
            """);

    @Override
    public String name() {
        return "phylo";
    }

    @Override
    public String description() {
        return "Bayesian phylogenetics: merge rooted trees of species; JC69 likelihood on real DNA (primates)";
    }

    @Override
    public Config defaults() {
        return DEFAULTS;
    }

    @Override
    public Environment<?> create(ConfigSection section) {
        String source = section.getString("alignment");
        List<String> species = section.getStringList("species");
        double branchLength = section.getPositiveDouble("branch-length");
        double temperature = section.getPositiveDouble("temperature");
        Alignment alignment;
        if (source.equals(BUILT_IN)) {
            alignment = Alignment.builtIn();
        } else {
            Path path = Path.of(source);
            if (!Files.isReadable(path)) {
                throw section.bad("alignment", "must be a readable NEXUS or FASTA file, or " + BUILT_IN + "; "
                        + path.toAbsolutePath() + " is not");
            }
            try {
                alignment = Alignment.read(path);
            } catch (IOException e) {
                throw section.bad("alignment", "cannot be read: " + e.getMessage());
            } catch (AlignmentFormatException e) {
                throw section.bad("alignment", "is not a valid alignment: " + e.getMessage());
            }
        }
        if (!species.isEmpty()) {
            try {
                alignment = alignment.select(species);
            } catch (IllegalArgumentException e) {
                throw section.bad("species", "must name distinct taxa of the alignment: " + e.getMessage());
            }
        }
        int n = alignment.taxa().size();
        if (n < 2 || n > PhyloEnvironment.MAX_SPECIES) {
            throw section.bad("species", "must name 2 to " + PhyloEnvironment.MAX_SPECIES + " taxa; the alignment gives " + n);
        }
        return new PhyloEnvironment(alignment, branchLength, temperature);
    }
}
