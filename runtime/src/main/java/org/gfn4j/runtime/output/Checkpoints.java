package org.gfn4j.runtime.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gfn4j.runtime.training.CheckpointSink;
import org.gfn4j.runtime.training.TrainingState;

/**
 * A run's {@code checkpoints/} folder: one {@link CheckpointFile} per checkpoint, named
 * {@code iteration-<10 digits>.ckpt}. As a {@link CheckpointSink} it saves every {@code every}
 * iterations (0 = only at the end) and at the end, and keeps the newest {@code keep} files.
 */
public final class Checkpoints implements CheckpointSink {
    private static final Pattern NAME = Pattern.compile("iteration-(\\d+)\\.ckpt");

    private final Path folder;
    private final long every;
    private final int keep;
    private final CheckpointFile.Labels labels;

    /** A checkpoint read back from disk. */
    public record Loaded(Path file, TrainingState state) {
    }

    public Checkpoints(Path runDirectory, long every, int keep, CheckpointFile.Labels labels) {
        this.folder = runDirectory.resolve("checkpoints");
        this.every = every;
        this.keep = keep;
        this.labels = labels;
    }

    /** Only for reading the checkpoints of a run. */
    public static Checkpoints of(Path runDirectory) {
        return new Checkpoints(runDirectory, 0, Integer.MAX_VALUE, new CheckpointFile.Labels("", "", ""));
    }

    public Path folder() {
        return folder;
    }

    public static String fileName(long iteration) {
        return String.format(java.util.Locale.ROOT, "iteration-%010d.ckpt", iteration);
    }

    @Override
    public boolean due(long iteration, boolean last) {
        return last || (every > 0 && iteration % every == 0);
    }

    @Override
    public void save(TrainingState state) {
        try {
            Files.createDirectories(folder);
            CheckpointFile.write(folder.resolve(fileName(state.iteration())), state, labels);
            List<Path> files = list();
            for (int k = 0; k < files.size() - keep; k++) {
                Files.deleteIfExists(files.get(k));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a checkpoint into " + folder, e);
        }
    }

    /** The checkpoint files, oldest first. */
    public List<Path> list() {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "iteration-*.ckpt")) {
            for (Path p : stream) {
                if (NAME.matcher(p.getFileName().toString()).matches()) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(Comparator.comparingLong(Checkpoints::iterationOf));
        return files;
    }

    /**
     * The newest checkpoint that reads back whole; each damaged newer one is reported to
     * {@code warnings} and skipped.
     */
    public Optional<Loaded> latest(Consumer<String> warnings) {
        List<Path> files = list();
        for (int k = files.size() - 1; k >= 0; k--) {
            try {
                return Optional.of(new Loaded(files.get(k), CheckpointFile.read(files.get(k))));
            } catch (IOException e) {
                warnings.accept(e.getMessage() + (k > 0 ? "; using the previous one" : ""));
            }
        }
        return Optional.empty();
    }

    /** Reads one checkpoint: a file path, or an iteration number of this run. */
    public Loaded load(String which) throws IOException {
        Path file = which.matches("\\d+") ? folder.resolve(fileName(Long.parseLong(which))) : Path.of(which);
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString(), null, "no such checkpoint");
        }
        return new Loaded(file, CheckpointFile.read(file));
    }

    /**
     * Moves checkpoints of iterations after {@code iteration} (damaged ones that a resume skipped)
     * aside to {@code *.damaged}, so that the resumed run's own checkpoints replace them.
     */
    public void setAsideAfter(long iteration) {
        try {
            for (Path p : list()) {
                if (iterationOf(p) > iteration) {
                    Files.move(p, p.resolveSibling(p.getFileName() + ".damaged"), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long iterationOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }
}
