package org.gfn4j.runtime.output;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.gfn4j.runtime.training.Adam;
import org.gfn4j.runtime.training.AuxiliaryNetworks;
import org.gfn4j.runtime.training.TrainingState;

/**
 * The checkpoint file format, version 2 (never Java serialization; version 1 files, which have no
 * auxiliary arrays, are still read). All numbers little-endian:
 *
 * <pre>
 *   bytes 0..7    magic "GFN4JCKP"
 *   int32         format version (1)
 *   int32         H, the length of the header in bytes
 *   H bytes       header: one UTF-8 JSON object (iteration, trajectories, wall_seconds, log_z,
 *                 policy_adam_step, log_z_adam_step, env, objective, policy, created, arrays)
 *   arrays        raw, one after the other, in the order and with the dtype and length that the
 *                 header's "arrays" list gives: parameters float32[P], policy_adam_m float64[P],
 *                 policy_adam_v float64[P], log_z float64[1], log_z_adam_m float64[1], log_z_adam_v float64[1],
 *                 then, where the run trains them, flow_parameters float32[F], flow_adam_m float64[F],
 *                 flow_adam_v float64[F] (state-flow network, header flow_adam_step) and
 *                 backward_parameters float32[B], backward_adam_m, backward_adam_v (learned backward
 *                 policy, header backward_adam_step)
 *   int32         CRC-32 of every byte before it
 * </pre>
 *
 * <p>The exact values a resumed run needs (parameters, moments, log Z) are in the raw arrays, bit
 * for bit; the header's numbers are for people and tools ({@code head -c 600 file} shows them).
 * A file is written to a temporary name, forced to disk and renamed, so a crash mid-write never
 * leaves a broken checkpoint under a checkpoint's name; a truncated or altered file fails the length
 * or CRC check on reading and is reported as damaged.
 */
public final class CheckpointFile {
    static final byte[] MAGIC = "GFN4JCKP".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 2;
    private static final List<String> AUXILIARY_ARRAYS = List.of("flow_parameters", "flow_adam_m", "flow_adam_v",
            "backward_parameters", "backward_adam_m", "backward_adam_v");
    private static final List<String> ARRAYS = List.of("parameters", "policy_adam_m", "policy_adam_v", "log_z",
            "log_z_adam_m", "log_z_adam_v");

    /** A checkpoint that cannot be read back: truncated, altered, or not a checkpoint at all. */
    public static final class DamagedCheckpointException extends IOException {
        public DamagedCheckpointException(Path file, String reason) {
            super("checkpoint " + file + " is damaged: " + reason);
        }
    }

    /** What a checkpoint says about the run it belongs to, beside the state. */
    public record Labels(String environment, String objective, String policy) {
    }

    private CheckpointFile() {
    }

    /** Writes {@code state} to {@code target} atomically (temporary file, force, rename). */
    public static void write(Path target, TrainingState state, Labels labels) throws IOException {
        int p = state.parameters().length;
        Adam.State net = state.policyOptimizer();
        Adam.State z = state.logPartitionOptimizer();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("format", "gfn4j-checkpoint");
        header.put("version", VERSION);
        header.put("iteration", state.iteration());
        header.put("trajectories", state.trajectoriesSeen());
        header.put("wall_seconds", state.wallSeconds());
        header.put("log_z", state.logPartition());
        header.put("policy_adam_step", net.step());
        header.put("log_z_adam_step", z.step());
        header.put("env", labels.environment());
        header.put("objective", labels.objective());
        header.put("policy", labels.policy());
        header.put("created", Instant.now().toString());
        List<Map<String, Object>> arrays = new ArrayList<>();
        arrays.add(array("parameters", "float32", p));
        arrays.add(array("policy_adam_m", "float64", net.firstMoment().length));
        arrays.add(array("policy_adam_v", "float64", net.secondMoment().length));
        arrays.add(array("log_z", "float64", 1));
        arrays.add(array("log_z_adam_m", "float64", z.firstMoment().length));
        arrays.add(array("log_z_adam_v", "float64", z.secondMoment().length));
        AuxiliaryNetworks.State aux = state.auxiliary();
        List<float[]> auxFloats = new ArrayList<>();
        List<double[]> auxDoubles = new ArrayList<>();
        if (aux.flowParameters() != null) {
            header.put("flow_adam_step", aux.flowOptimizer().step());
            arrays.add(array("flow_parameters", "float32", aux.flowParameters().length));
            arrays.add(array("flow_adam_m", "float64", aux.flowOptimizer().firstMoment().length));
            arrays.add(array("flow_adam_v", "float64", aux.flowOptimizer().secondMoment().length));
            auxFloats.add(aux.flowParameters());
            auxDoubles.add(aux.flowOptimizer().firstMoment());
            auxDoubles.add(aux.flowOptimizer().secondMoment());
        }
        if (aux.backwardParameters() != null) {
            header.put("backward_adam_step", aux.backwardOptimizer().step());
            arrays.add(array("backward_parameters", "float32", aux.backwardParameters().length));
            arrays.add(array("backward_adam_m", "float64", aux.backwardOptimizer().firstMoment().length));
            arrays.add(array("backward_adam_v", "float64", aux.backwardOptimizer().secondMoment().length));
            auxFloats.add(aux.backwardParameters());
            auxDoubles.add(aux.backwardOptimizer().firstMoment());
            auxDoubles.add(aux.backwardOptimizer().secondMoment());
        }
        int auxBytes = 0;
        for (float[] f : auxFloats) {
            auxBytes += 4 * f.length;
        }
        for (double[] d : auxDoubles) {
            auxBytes += 8 * d.length;
        }
        header.put("arrays", arrays);
        byte[] json = ordered(header).getBytes(StandardCharsets.UTF_8);
        int size = MAGIC.length + 8 + json.length + 4 * p
                + 8 * (net.firstMoment().length + net.secondMoment().length + 1 + z.firstMoment().length + z.secondMoment().length)
                + auxBytes + 4;
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putInt(VERSION).putInt(json.length).put(json);
        for (float f : state.parameters()) {
            b.putFloat(f);
        }
        putAll(b, net.firstMoment());
        putAll(b, net.secondMoment());
        b.putDouble(state.logPartition());
        putAll(b, z.firstMoment());
        putAll(b, z.secondMoment());
        for (int k = 0; k < auxFloats.size(); k++) {
            for (float f : auxFloats.get(k)) {
                b.putFloat(f);
            }
            putAll(b, auxDoubles.get(2 * k));
            putAll(b, auxDoubles.get(2 * k + 1));
        }
        CRC32 crc = new CRC32();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            b.flip();
            while (b.hasRemaining()) {
                channel.write(b);
            }
            channel.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads a checkpoint, checking magic, version, lengths and CRC. */
    public static TrainingState read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int headerStart = MAGIC.length + 8;
        if (bytes.length < headerStart + 4) {
            throw new DamagedCheckpointException(file, "only " + bytes.length + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (byte m : MAGIC) {
            if (b.get() != m) {
                throw new DamagedCheckpointException(file, "it does not start with the magic bytes GFN4JCKP");
            }
        }
        int version = b.getInt();
        if (version != 1 && version != VERSION) {
            throw new DamagedCheckpointException(file, "format version " + version + ", this gfn4j reads versions 1 and "
                    + VERSION);
        }
        int headerLength = b.getInt();
        if (headerLength < 2 || headerLength > bytes.length - headerStart - 4) {
            throw new DamagedCheckpointException(file, "truncated (header of " + headerLength + " bytes, file of "
                    + bytes.length + ")");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        int stored = ByteBuffer.wrap(bytes, bytes.length - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        Config header;
        try {
            header = ConfigFactory.parseString(new String(bytes, headerStart, headerLength, StandardCharsets.UTF_8),
                    ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON));
        } catch (ConfigException e) {
            throw new DamagedCheckpointException(file, "unreadable header (" + e.getMessage() + ")");
        }
        long expected = headerStart + headerLength + 4;
        Map<String, Integer> lengths = new LinkedHashMap<>();
        try {
            for (Config a : header.getConfigList("arrays")) {
                int length = a.getInt("length");
                lengths.put(a.getString("name"), length);
                expected += (long) length * (a.getString("dtype").equals("float32") ? 4 : 8);
            }
        } catch (ConfigException e) {
            throw new DamagedCheckpointException(file, "header without a valid array list (" + e.getMessage() + ")");
        }
        List<String> names = List.copyOf(lengths.keySet());
        boolean layoutValid = names.size() >= ARRAYS.size() && names.subList(0, ARRAYS.size()).equals(ARRAYS)
                && lengths.get("log_z") == 1 && AUXILIARY_ARRAYS.containsAll(names.subList(ARRAYS.size(), names.size()))
                && (names.size() - ARRAYS.size()) % 3 == 0;
        if (!layoutValid) {
            throw new DamagedCheckpointException(file, "unexpected array layout " + lengths + ": the format holds " + ARRAYS
                    + ", then optionally " + AUXILIARY_ARRAYS);
        }
        if (bytes.length != expected) {
            throw new DamagedCheckpointException(file, (bytes.length < expected ? "truncated" : "too long") + ": "
                    + bytes.length + " bytes where the header announces " + expected);
        }
        if ((int) crc.getValue() != stored) {
            throw new DamagedCheckpointException(file, "CRC-32 mismatch (the content was altered)");
        }
        b.position(headerStart + headerLength);
        float[] parameters = new float[lengths.getOrDefault("parameters", 0)];
        for (int k = 0; k < parameters.length; k++) {
            parameters[k] = b.getFloat();
        }
        double[] m = getAll(b, lengths.getOrDefault("policy_adam_m", 0));
        double[] v = getAll(b, lengths.getOrDefault("policy_adam_v", 0));
        double logPartition = getAll(b, lengths.getOrDefault("log_z", 0))[0];
        double[] zm = getAll(b, lengths.getOrDefault("log_z_adam_m", 0));
        double[] zv = getAll(b, lengths.getOrDefault("log_z_adam_v", 0));
        float[] flow = lengths.containsKey("flow_parameters") ? getFloats(b, lengths.get("flow_parameters")) : null;
        double[] flowM = flow == null ? null : getAll(b, lengths.get("flow_adam_m"));
        double[] flowV = flow == null ? null : getAll(b, lengths.get("flow_adam_v"));
        float[] backward = lengths.containsKey("backward_parameters") ? getFloats(b, lengths.get("backward_parameters")) : null;
        double[] backwardM = backward == null ? null : getAll(b, lengths.get("backward_adam_m"));
        double[] backwardV = backward == null ? null : getAll(b, lengths.get("backward_adam_v"));
        try {
            AuxiliaryNetworks.State aux = new AuxiliaryNetworks.State(flow,
                    flow == null ? null : new Adam.State(flowM, flowV, header.getLong("flow_adam_step")), backward,
                    backward == null ? null : new Adam.State(backwardM, backwardV, header.getLong("backward_adam_step")));
            return new TrainingState(header.getLong("iteration"), header.getLong("trajectories"),
                    header.getDouble("wall_seconds"), parameters, logPartition,
                    new Adam.State(m, v, header.getLong("policy_adam_step")),
                    new Adam.State(zm, zv, header.getLong("log_z_adam_step")), aux);
        } catch (ConfigException e) {
            throw new DamagedCheckpointException(file, "header misses a field (" + e.getMessage() + ")");
        }
    }

    /** JSON in insertion order (the format's fields first), so that the header reads well with {@code head}. */
    private static String ordered(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder b = new StringBuilder("{");
            for (Map.Entry<?, ?> e : map.entrySet()) {
                b.append(b.length() > 1 ? "," : "").append(ordered(String.valueOf(e.getKey()))).append(':').append(ordered(e.getValue()));
            }
            return b.append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder b = new StringBuilder("[");
            for (Object o : list) {
                b.append(b.length() > 1 ? "," : "").append(ordered(o));
            }
            return b.append(']').toString();
        }
        if (value instanceof Double d) {
            return Double.isFinite(d) ? d.toString() : "null";
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : String.valueOf(value).toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static Map<String, Object> array(String name, String dtype, int length) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", name);
        a.put("dtype", dtype);
        a.put("length", length);
        return a;
    }

    private static void putAll(ByteBuffer b, double[] values) {
        for (double d : values) {
            b.putDouble(d);
        }
    }

    private static float[] getFloats(ByteBuffer b, int length) {
        float[] values = new float[length];
        for (int k = 0; k < length; k++) {
            values[k] = b.getFloat();
        }
        return values;
    }

    private static double[] getAll(ByteBuffer b, int length) {
        double[] values = new double[length];
        for (int k = 0; k < length; k++) {
            values[k] = b.getDouble();
        }
        return values;
    }
}
