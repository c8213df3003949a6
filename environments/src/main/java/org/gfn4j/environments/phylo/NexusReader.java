package org.gfn4j.environments.phylo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the character matrix of a NEXUS file: the first {@code DATA} or {@code CHARACTERS} block,
 * with its {@code DIMENSIONS} (ntax, nchar), {@code FORMAT} (datatype DNA/RNA/nucleotide,
 * interleave, gap, missing, matchchar) and {@code MATRIX} commands. Comments in square brackets
 * are skipped; other blocks and commands are skipped. Quoted taxon names ('Homo sapiens') are kept.
 */
final class NexusReader {
    private record Token(String text, int line, boolean quoted) {
        boolean is(String word) {
            return !quoted && text.equalsIgnoreCase(word);
        }
    }

    private final String source;
    private final List<Token> tokens;
    private int position;

    NexusReader(String text, String source) {
        this.source = source;
        this.tokens = tokenize(text);
    }

    private AlignmentFormatException error(int line, String message) {
        return new AlignmentFormatException(source, line, message);
    }

    private List<Token> tokenize(String text) {
        List<Token> list = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '[') {
                int opened = line;
                int depth = 0;
                do {
                    char d = text.charAt(i);
                    depth += d == '[' ? 1 : d == ']' ? -1 : 0;
                    line += d == '\n' ? 1 : 0;
                    i++;
                } while (depth > 0 && i < n);
                if (depth > 0) {
                    throw error(opened, "the comment opened with '[' here is never closed; expected ']'");
                }
            } else if (c == ']') {
                throw error(line, "found ']' without a matching '['");
            } else if (c == '\'' || c == '"') {
                int opened = line;
                StringBuilder word = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw error(opened, "the quoted name opened with " + c + " here is never closed; expected " + c);
                    }
                    char d = text.charAt(i);
                    if (d == c) {
                        if (i + 1 < n && text.charAt(i + 1) == c) {
                            word.append(c); // doubled quote stands for one
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    line += d == '\n' ? 1 : 0;
                    word.append(d);
                    i++;
                }
                list.add(new Token(word.toString(), opened, true));
            } else if (c == ';' || c == '=' || c == ',') {
                list.add(new Token(String.valueOf(c), line, false));
                i++;
            } else {
                int start = i;
                while (i < n) {
                    char d = text.charAt(i);
                    if (Character.isWhitespace(d) || d == ';' || d == '=' || d == ',' || d == '[' || d == ']' || d == '\'' || d == '"') {
                        break;
                    }
                    i++;
                }
                list.add(new Token(text.substring(start, i), line, false));
            }
        }
        return list;
    }

    private boolean atEnd() {
        return position >= tokens.size();
    }

    private int lastLine() {
        return tokens.isEmpty() ? 1 : tokens.get(tokens.size() - 1).line();
    }

    private Token next(String expected) {
        if (atEnd()) {
            throw error(lastLine(), "the file ends early; expected " + expected);
        }
        return tokens.get(position++);
    }

    private void expect(String word, String context) {
        Token t = next("'" + word + "' " + context);
        if (!t.is(word)) {
            throw error(t.line(), "expected '" + word + "' " + context + ", found '" + t.text() + "'");
        }
    }

    Alignment read() {
        Token first = next("'#NEXUS'");
        if (!first.is("#NEXUS")) {
            throw error(first.line(), "expected '#NEXUS' as the first word, found '" + first.text() + "'");
        }
        while (!atEnd()) {
            Token t = next("a block");
            if (!t.is("begin")) {
                throw error(t.line(), "expected 'begin' (the start of a block), found '" + t.text() + "'");
            }
            Token name = next("a block name after 'begin'");
            expect(";", "after 'begin " + name.text() + "'");
            if (name.is("data") || name.is("characters")) {
                return readDataBlock(name);
            }
            skipBlock(name);
        }
        throw error(lastLine(), "expected a DATA or CHARACTERS block with a matrix, found none");
    }

    private void skipBlock(Token name) {
        while (true) {
            Token t = next("'end;' closing the block '" + name.text() + "' opened on line " + name.line());
            if (t.is("end") || t.is("endblock")) {
                expect(";", "after '" + t.text() + "'");
                return;
            }
        }
    }

    private Map<String, String> readSettings(Token command) {
        Map<String, String> settings = new LinkedHashMap<>();
        while (true) {
            Token key = next("';' ending the '" + command.text() + "' command of line " + command.line());
            if (key.is(";")) {
                return settings;
            }
            String value = "";
            if (!atEnd() && tokens.get(position).is("=")) {
                position++;
                value = next("a value after '" + key.text() + " ='").text();
            }
            settings.put(key.text().toLowerCase(Locale.ROOT), value);
        }
    }

    private Alignment readDataBlock(Token block) {
        int ntax = -1;
        int nchar = -1;
        boolean interleave = false;
        char gap = '-';
        char missing = '?';
        char matchchar = 0;
        while (true) {
            Token command = next("'end;' closing the " + block.text() + " block opened on line " + block.line());
            if (command.is("end") || command.is("endblock")) {
                throw error(command.line(), "expected a 'matrix' command in the " + block.text() + " block before '" + command.text() + "'");
            }
            if (command.is("dimensions")) {
                for (Map.Entry<String, String> e : readSettings(command).entrySet()) {
                    if (e.getKey().equals("ntax")) {
                        ntax = positiveInteger(e.getValue(), "ntax", command.line());
                    } else if (e.getKey().equals("nchar")) {
                        nchar = positiveInteger(e.getValue(), "nchar", command.line());
                    }
                }
            } else if (command.is("format")) {
                for (Map.Entry<String, String> e : readSettings(command).entrySet()) {
                    String v = e.getValue();
                    switch (e.getKey()) {
                        case "datatype" -> {
                            if (!v.equalsIgnoreCase("dna") && !v.equalsIgnoreCase("rna") && !v.equalsIgnoreCase("nucleotide")) {
                                throw error(command.line(), "expected datatype=DNA (or RNA, nucleotide), found datatype=" + v);
                            }
                        }
                        case "interleave" -> interleave = v.isEmpty() || v.equalsIgnoreCase("yes");
                        case "gap" -> gap = singleCharacter(v, "gap", command.line());
                        case "missing" -> missing = singleCharacter(v, "missing", command.line());
                        case "matchchar" -> matchchar = singleCharacter(v, "matchchar", command.line());
                        case "transpose" -> throw error(command.line(), "a transposed matrix is not supported; expected taxa as rows");
                        default -> {
                            // symbols, respectcase, equate …: not needed for DNA
                        }
                    }
                }
            } else if (command.is("matrix")) {
                if (nchar < 0) {
                    throw error(command.line(), "expected a 'dimensions' command giving nchar before 'matrix'");
                }
                return readMatrix(command, ntax, nchar, interleave, gap, missing, matchchar);
            } else {
                readSettings(command); // a command we do not need: skip to its ';'
            }
        }
    }

    private int positiveInteger(String value, String key, int line) {
        try {
            int v = Integer.parseInt(value);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(line, "expected " + key + " = a positive integer, found '" + value + "'");
    }

    private char singleCharacter(String value, String key, int line) {
        if (value.length() != 1) {
            throw error(line, "expected " + key + " = a single character, found '" + value + "'");
        }
        return value.charAt(0);
    }

    private Alignment readMatrix(Token matrix, int ntax, int nchar, boolean interleave, char gap, char missing, char matchchar) {
        Map<String, StringBuilder> rows = new LinkedHashMap<>();
        Map<String, Integer> lastLine = new LinkedHashMap<>();
        int endLine;
        while (true) {
            Token name = next("a taxon name or the ';' ending the matrix that starts on line " + matrix.line());
            if (name.is(";")) {
                endLine = name.line();
                break;
            }
            StringBuilder row = rows.get(name.text());
            if (row != null && !interleave) {
                throw error(name.line(), "taxon '" + name.text() + "' appears twice in a non-interleaved matrix");
            }
            if (row == null) {
                row = new StringBuilder(nchar);
                rows.put(name.text(), row);
            }
            lastLine.put(name.text(), name.line());
            // Interleaved: the rest of the line belongs to this taxon. Sequential: read until nchar characters.
            while (!atEnd()) {
                Token chunk = tokens.get(position);
                if (chunk.is(";") || (interleave && chunk.line() != name.line()) || (!interleave && row.length() >= nchar)) {
                    break;
                }
                position++;
                if (chunk.quoted() || chunk.is("=") || chunk.is(",")) {
                    throw error(chunk.line(), "expected sequence characters for taxon '" + name.text() + "', found '" + chunk.text() + "'");
                }
                appendCharacters(row, chunk, name.text(), gap, missing, matchchar);
                lastLine.put(name.text(), chunk.line());
                if (row.length() > nchar) {
                    throw error(chunk.line(), "taxon '" + name.text() + "' has more than nchar = " + nchar + " characters");
                }
            }
        }
        if (ntax > 0 && rows.size() != ntax) {
            throw error(endLine, "expected ntax = " + ntax + " taxa in the matrix, found " + rows.size());
        }
        if (rows.isEmpty()) {
            throw error(endLine, "expected at least one taxon in the matrix, found none");
        }
        List<String> taxa = new ArrayList<>(rows.keySet());
        List<String> sequences = new ArrayList<>(taxa.size());
        String first = null;
        for (String taxon : taxa) {
            String s = rows.get(taxon).toString();
            if (s.length() != nchar) {
                throw error(lastLine.get(taxon), "expected nchar = " + nchar + " characters for taxon '" + taxon + "', found " + s.length());
            }
            if (matchchar != 0 && s.indexOf(matchchar) >= 0) {
                if (first == null) {
                    throw error(lastLine.get(taxon), "the first taxon '" + taxon + "' uses the matchchar '" + matchchar
                            + "', which stands for the first taxon's character");
                }
                StringBuilder resolved = new StringBuilder(s);
                for (int k = 0; k < s.length(); k++) {
                    if (s.charAt(k) == matchchar) {
                        resolved.setCharAt(k, first.charAt(k));
                    }
                }
                s = resolved.toString();
            }
            if (first == null) {
                first = s;
            }
            sequences.add(s);
        }
        return new Alignment(taxa, sequences);
    }

    private void appendCharacters(StringBuilder row, Token chunk, String taxon, char gap, char missing, char matchchar) {
        String text = chunk.text();
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == gap) {
                row.append('-');
            } else if (c == missing) {
                row.append('?');
            } else if (matchchar != 0 && c == matchchar) {
                row.append(c);
            } else if (Alignment.stateSet(c) != 0) {
                row.append(Character.toUpperCase(c));
            } else {
                throw error(chunk.line(), "character '" + c + "' in the sequence of taxon '" + taxon
                        + "' is not a DNA character; expected " + Alignment.ALLOWED_CHARACTERS);
            }
        }
    }
}
