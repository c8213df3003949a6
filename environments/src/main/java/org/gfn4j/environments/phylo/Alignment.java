package org.gfn4j.environments.phylo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A DNA alignment: taxon names and their aligned sequences (upper case, all of one length), read
 * from NEXUS or FASTA. Characters are A, C, G, T (U read as T), the IUPAC ambiguity codes, and the
 * missing-data symbols N, ?, X and the gap '-' (see {@link #stateSet}).
 */
public record Alignment(List<String> taxa, List<String> sequences) {
    /** The bundled data set: 12 primates, 898 sites of mitochondrial DNA (Hayasaka et al. 1988). */
    public static final String BUILT_IN_NAME = "primates.nex";

    public Alignment {
        taxa = List.copyOf(taxa);
        sequences = List.copyOf(sequences);
        if (taxa.size() != sequences.size() || taxa.isEmpty()) {
            throw new IllegalArgumentException("an alignment needs one sequence per taxon and at least one taxon");
        }
        int sites = sequences.get(0).length();
        for (String s : sequences) {
            if (s.length() != sites) {
                throw new IllegalArgumentException("aligned sequences must all have the same length");
            }
        }
    }

    public int siteCount() {
        return sequences.get(0).length();
    }

    /** The bundled primates alignment. */
    public static Alignment builtIn() {
        try (InputStream in = Alignment.class.getResourceAsStream(BUILT_IN_NAME)) {
            if (in == null) {
                throw new IllegalStateException("the built-in alignment " + BUILT_IN_NAME + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUILT_IN_NAME);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a NEXUS (first word {@code #NEXUS}) or FASTA (first character {@code >}) file. */
    public static Alignment read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Parses NEXUS or FASTA text, told apart by how it starts.
     *
     * @param source a name for error messages (a file name)
     * @throws AlignmentFormatException naming the line and what was expected
     */
    public static Alignment parse(String text, String source) {
        String start = text.stripLeading();
        if (start.regionMatches(true, 0, "#NEXUS", 0, 6)) {
            return new NexusReader(text, source).read();
        }
        if (start.startsWith(">")) {
            return FastaReader.read(text, source);
        }
        int line = 1;
        for (int i = 0; i < text.length() - start.length(); i++) {
            line += text.charAt(i) == '\n' ? 1 : 0;
        }
        String first = start.isEmpty() ? "an empty file" : "'" + start.lines().findFirst().orElse("") + "'";
        throw new AlignmentFormatException(source, start.isEmpty() ? 0 : line,
                "expected '#NEXUS' (a NEXUS file) or '>' (a FASTA header), found " + first);
    }

    /** This alignment restricted to the given taxa, in the given order. */
    public Alignment select(List<String> names) {
        List<String> chosen = new ArrayList<>(names.size());
        for (String name : names) {
            int i = taxa.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException("taxon '" + name + "' is not in the alignment; it has " + taxa);
            }
            if (chosen.contains(name)) {
                throw new IllegalArgumentException("taxon '" + name + "' is listed twice");
            }
            chosen.add(name);
        }
        List<String> seqs = new ArrayList<>(names.size());
        for (String name : chosen) {
            seqs.add(sequences.get(taxa.indexOf(name)));
        }
        return new Alignment(chosen, seqs);
    }

    /**
     * The set of nucleotides a character stands for, as a bitmask A = 1, C = 2, G = 4, T = 8: one bit
     * for a base, several for an IUPAC ambiguity code, all four (15, missing data: partial likelihood
     * 1 for every state) for N, ?, X and the gap '-'. Returns 0 for a character that is none of these.
     */
    public static int stateSet(char c) {
        return switch (Character.toUpperCase(c)) {
            case 'A' -> 1;
            case 'C' -> 2;
            case 'G' -> 4;
            case 'T', 'U' -> 8;
            case 'M' -> 1 | 2;
            case 'R' -> 1 | 4;
            case 'W' -> 1 | 8;
            case 'S' -> 2 | 4;
            case 'Y' -> 2 | 8;
            case 'K' -> 4 | 8;
            case 'V' -> 1 | 2 | 4;
            case 'H' -> 1 | 2 | 8;
            case 'D' -> 1 | 4 | 8;
            case 'B' -> 2 | 4 | 8;
            case 'N', '?', 'X', '-' -> 15;
            default -> 0;
        };
    }

    static final String ALLOWED_CHARACTERS = "A, C, G, T, U, an IUPAC ambiguity code (R Y S W K M B D H V), N, ?, X or the gap '-'";
}
