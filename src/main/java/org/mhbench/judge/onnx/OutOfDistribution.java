package org.mhbench.judge.onnx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What each criterion's training replies looked like, so that the judge can tell when a reply is unlike
 * all of them and its {@code p_yes} is an extrapolation: then the verdict needs review, whatever
 * {@code p_yes} is. Per criterion it keeps
 * <ul>
 *   <li>the range of the training replies' lengths in words, and their most sentences;</li>
 *   <li>a unit "reply vector" of every training reply ({@link #replyVector}: the mean of its sentence
 *       vectors, normalised), stored as int8 with one scale per vector; near-identical ones (cosine
 *       ≥ {@value #DEDUP_COSINE}) once;</li>
 *   <li>the similarity floor: the {@code quantile} of the training replies' leave-one-out nearest-neighbour
 *       cosine (each reply against the other training replies of its criterion).</li>
 * </ul>
 * A reply is out of distribution when its length is outside the range, or its nearest training reply's
 * cosine is below the floor. {@link #check} says which, in words, for {@link org.mhbench.judge.Verdict#reason}.
 *
 * <p>Everything is computed from quantized vectors, in a fixed order, so the same training data give the
 * same bytes ({@link #toBytes}).
 */
public final class OutOfDistribution {

    public static final String FORMAT = "judge-ood/1";
    public static final String FILE = "ood.bin";
    /** Default quantile of the leave-one-out nearest-neighbour similarity used as the floor. */
    public static final double DEFAULT_QUANTILE = 0.01;
    static final double DEDUP_COSINE = 0.995;
    private static final int MAGIC = 0x4d484f31; // "MHO1"

    /**
     * One criterion's statistics.
     *
     * @param id            criterion
     * @param minWords      fewest words of a training reply
     * @param maxWords      most words of a training reply
     * @param maxSentences  most sentences of a training reply
     * @param minSimilarity the similarity floor
     * @param vectors       the kept reply vectors, dequantized (unit length up to rounding)
     */
    public record Criterion(String id, int minWords, int maxWords, int maxSentences, double minSimilarity,
                            float[][] vectors) {
    }

    private final double quantile;
    private final Map<String, Criterion> criteria;

    public OutOfDistribution(double quantile, List<Criterion> criteria) {
        this.quantile = quantile;
        this.criteria = new LinkedHashMap<>();
        criteria.forEach(c -> this.criteria.put(c.id(), c));
    }

    public double quantile() {
        return quantile;
    }

    public Optional<Criterion> criterion(String id) {
        return Optional.ofNullable(criteria.get(id));
    }

    public List<Criterion> criteria() {
        return List.copyOf(criteria.values());
    }

    /** Words of a reply: runs of non-white-space. */
    public static int words(String text) {
        String s = text.strip();
        return s.isEmpty() ? 0 : s.split("\\s+").length;
    }

    /**
     * The vector a reply is compared by: the mean of its sentence vectors (each normalised), normalised to
     * unit length. Not the (question, reply) pair vector: the question, the same in every pair of a
     * criterion, pulls all pair vectors together (a line of program code still has cosine above 0.9 to some
     * training reply), so that they tell less about the reply itself.
     */
    public static float[] replyVector(ReplyFeatures f) {
        int d = f.pair().length;
        double[] sum = new double[d];
        for (float[] s : f.sentences()) {
            double n = norm(s);
            for (int k = 0; k < d; k++) {
                sum[k] += s[k] / n;
            }
        }
        double n = 0;
        for (double v : sum) {
            n += v * v;
        }
        n = Math.sqrt(n) + 1e-12;
        float[] out = new float[d];
        for (int k = 0; k < d; k++) {
            out[k] = (float) (sum[k] / n);
        }
        return out;
    }

    /**
     * Fits the statistics of the chosen examples ({@code use} null: all).
     *
     * @param quantile share of training replies that would fall below their criterion's similarity floor
     */
    public static OutOfDistribution fit(TrainingSet set, List<ReplyFeatures> features, boolean[] use,
                                        double quantile) {
        Map<String, List<Integer>> byCriterion = new TreeMap<>();
        for (int i = 0; i < set.examples().size(); i++) {
            if (use == null || use[i]) {
                byCriterion.computeIfAbsent(set.examples().get(i).criterion(), k -> new ArrayList<>()).add(i);
            }
        }
        List<Criterion> out = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : byCriterion.entrySet()) {
            List<Integer> idx = e.getValue();
            int n = idx.size();
            int minWords = Integer.MAX_VALUE;
            int maxWords = 0;
            int maxSentences = 0;
            float[][] v = new float[n][];
            for (int j = 0; j < n; j++) {
                int i = idx.get(j);
                int w = words(set.examples().get(i).response());
                minWords = Math.min(minWords, w);
                maxWords = Math.max(maxWords, w);
                maxSentences = Math.max(maxSentences, features.get(i).sentences().length);
                v[j] = dequantize(quantize(replyVector(features.get(i))));
            }
            double[] nearest = new double[n];
            Arrays.fill(nearest, -1);
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    double c = dot(v[a], v[b]);
                    nearest[a] = Math.max(nearest[a], c);
                    nearest[b] = Math.max(nearest[b], c);
                }
            }
            double floor = n < 2 ? -1 : quantileOf(nearest, quantile);
            List<float[]> kept = new ArrayList<>();
            for (float[] x : v) {
                boolean dup = false;
                for (float[] k : kept) {
                    if (dot(x, k) >= DEDUP_COSINE) {
                        dup = true;
                        break;
                    }
                }
                if (!dup) {
                    kept.add(x);
                }
            }
            out.add(new Criterion(e.getKey(), minWords, maxWords, maxSentences, floor, kept.toArray(new float[0][])));
        }
        return new OutOfDistribution(quantile, out);
    }

    /** The highest cosine between the reply and a training reply of the criterion (-1 if none). */
    public double similarity(String criterion, ReplyFeatures f) {
        Criterion c = criteria.get(criterion);
        if (c == null) {
            return -1;
        }
        float[] x = dequantize(quantize(replyVector(f)));
        double best = -1;
        for (float[] v : c.vectors()) {
            best = Math.max(best, dot(x, v));
        }
        return best;
    }

    /**
     * Why the reply is unlike the criterion's training replies, or empty when it is not (or when the
     * criterion has no statistics).
     *
     * Lengths in words are checked only when the features know theirs ({@link ReplyFeatures#words}).
     */
    public Optional<String> check(String criterion, ReplyFeatures f) {
        Criterion c = criteria.get(criterion);
        if (c == null) {
            return Optional.empty();
        }
        int words = f.words();
        if (words >= 0 && words > c.maxWords()) {
            return Optional.of(String.format(Locale.ROOT, "out of distribution: reply longer than any training reply "
                    + "for '%s' (%d words > %d)", criterion, words, c.maxWords()));
        }
        if (words >= 0 && words < c.minWords()) {
            return Optional.of(String.format(Locale.ROOT, "out of distribution: reply shorter than any training reply "
                    + "for '%s' (%d words < %d)", criterion, words, c.minWords()));
        }
        if (f.sentences().length > c.maxSentences()) {
            return Optional.of(String.format(Locale.ROOT, "out of distribution: more sentences than any training "
                    + "reply for '%s' (%d > %d)", criterion, f.sentences().length, c.maxSentences()));
        }
        double s = similarity(criterion, f);
        if (s < c.minSimilarity()) {
            return Optional.of(String.format(Locale.ROOT, "out of distribution: unlike the training replies for "
                    + "'%s' (similarity %.2f < %.2f)", criterion, s, c.minSimilarity()));
        }
        return Optional.empty();
    }

    /** The numbers for judge.json (the vectors go to {@link #toBytes}). */
    public Map<String, Object> summary() {
        Map<String, Object> per = new LinkedHashMap<>();
        for (Criterion c : criteria.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("min_words", c.minWords());
            m.put("max_words", c.maxWords());
            m.put("max_sentences", c.maxSentences());
            m.put("min_similarity", round4(c.minSimilarity()));
            m.put("vectors", c.vectors().length);
            per.put(c.id(), m);
        }
        return per;
    }

    /**
     * The whole statistics, big-endian: magic, quantile, criteria; per criterion its id, lengths, floor,
     * vector count and size, then per vector a float scale and the int8 components.
     */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeDouble(quantile);
            out.writeInt(criteria.size());
            for (Criterion c : criteria.values()) {
                out.writeUTF(c.id());
                out.writeInt(c.minWords());
                out.writeInt(c.maxWords());
                out.writeInt(c.maxSentences());
                out.writeDouble(c.minSimilarity());
                int d = c.vectors().length == 0 ? 0 : c.vectors()[0].length;
                out.writeInt(c.vectors().length);
                out.writeInt(d);
                for (float[] v : c.vectors()) {
                    Quantized q = quantize(v);
                    out.writeFloat(q.scale);
                    out.write(q.values);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not {@link #toBytes} output */
    public static OutOfDistribution fromBytes(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a " + FORMAT + " file");
            }
            double quantile = in.readDouble();
            int k = in.readInt();
            List<Criterion> out = new ArrayList<>();
            for (int c = 0; c < k; c++) {
                String id = in.readUTF();
                int minWords = in.readInt();
                int maxWords = in.readInt();
                int maxSentences = in.readInt();
                double floor = in.readDouble();
                int n = in.readInt();
                int d = in.readInt();
                float[][] v = new float[n][];
                for (int i = 0; i < n; i++) {
                    float scale = in.readFloat();
                    byte[] b = new byte[d];
                    in.readFully(b);
                    v[i] = dequantize(new Quantized(scale, b));
                }
                out.add(new Criterion(id, minWords, maxWords, maxSentences, floor, v));
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException("trailing bytes after the " + FORMAT + " data");
            }
            return new OutOfDistribution(quantile, out);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated " + FORMAT + " data", e);
        }
    }

    private record Quantized(float scale, byte[] values) {
    }

    private static Quantized quantize(float[] v) {
        float max = 0;
        for (float x : v) {
            max = Math.max(max, Math.abs(x));
        }
        float scale = max == 0 ? 1 : max / 127f;
        byte[] b = new byte[v.length];
        for (int k = 0; k < v.length; k++) {
            b[k] = (byte) Math.round(v[k] / scale);
        }
        return new Quantized(scale, b);
    }

    /** Back to floats, renormalised to unit length (in double, deterministic). */
    private static float[] dequantize(Quantized q) {
        double n = 0;
        for (byte x : q.values) {
            n += (double) x * x;
        }
        n = Math.sqrt(n) + 1e-12;
        float[] out = new float[q.values.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = (float) (q.values[k] / n);
        }
        return out;
    }

    private static double norm(float[] v) {
        double n = 0;
        for (float x : v) {
            n += (double) x * x;
        }
        return Math.sqrt(n) + 1e-12;
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += (double) a[k] * b[k];
        }
        return s;
    }

    /** The q-quantile (lower, by rank floor(q·(n-1))) of the values. */
    static double quantileOf(double[] values, double q) {
        double[] s = values.clone();
        Arrays.sort(s);
        int i = (int) Math.floor(q * (s.length - 1));
        return s[Math.max(0, Math.min(s.length - 1, i))];
    }

    private static double round4(double x) {
        return Math.round(x * 1e4) / 1e4;
    }
}
