package org.gfn4j.environments.phylo;

import java.util.ArrayList;
import java.util.List;

/** Reads aligned FASTA: {@code >name description} header lines, each followed by sequence lines. */
final class FastaReader {
    private FastaReader() {
    }

    static Alignment read(String text, String source) {
        List<String> taxa = new ArrayList<>();
        List<StringBuilder> sequences = new ArrayList<>();
        List<Integer> headerLines = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith(">")) {
                String[] words = line.substring(1).strip().split("\\s+");
                String name = words[0];
                if (name.isEmpty()) {
                    throw new AlignmentFormatException(source, lineNumber, "expected a taxon name after '>'");
                }
                if (taxa.contains(name)) {
                    throw new AlignmentFormatException(source, lineNumber, "taxon '" + name + "' appears twice");
                }
                taxa.add(name);
                sequences.add(new StringBuilder());
                headerLines.add(lineNumber);
                continue;
            }
            if (taxa.isEmpty()) {
                throw new AlignmentFormatException(source, lineNumber, "expected a '>' header line before sequence data");
            }
            StringBuilder sequence = sequences.get(sequences.size() - 1);
            for (int k = 0; k < line.length(); k++) {
                char c = line.charAt(k);
                if (Character.isWhitespace(c)) {
                    continue;
                }
                if (Alignment.stateSet(c) == 0) {
                    throw new AlignmentFormatException(source, lineNumber, "character '" + c + "' in the sequence of '"
                            + taxa.get(taxa.size() - 1) + "' is not a DNA character; expected " + Alignment.ALLOWED_CHARACTERS);
                }
                sequence.append(Character.toUpperCase(c));
            }
        }
        if (taxa.isEmpty()) {
            throw new AlignmentFormatException(source, 0, "expected at least one '>' header, found none");
        }
        int sites = sequences.get(0).length();
        List<String> result = new ArrayList<>(taxa.size());
        for (int t = 0; t < taxa.size(); t++) {
            int length = sequences.get(t).length();
            if (length == 0) {
                throw new AlignmentFormatException(source, headerLines.get(t), "expected sequence data for '" + taxa.get(t) + "', found none");
            }
            if (length != sites) {
                throw new AlignmentFormatException(source, headerLines.get(t), "the sequence of '" + taxa.get(t) + "' has " + length
                        + " characters, expected " + sites + " like the first sequence (an alignment has equal lengths)");
            }
            result.add(sequences.get(t).toString());
        }
        return new Alignment(taxa, result);
    }
}
