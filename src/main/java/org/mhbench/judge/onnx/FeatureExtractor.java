package org.mhbench.judge.onnx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns replies into {@link ReplyFeatures}: every sentence encoded alone (as a passage), and the whole
 * reply encoded as a pair with the criterion question, so that the encoder's attention crosses
 * between the question and the reply. Identical sentences and pairs are encoded once per call, and
 * all of a call's texts go to the encoder together (batched by length).
 *
 * <p>This is the judge's encode step; {@link OnnxJudge#score} is the head step. A benchmark can
 * call the two separately.
 */
public final class FeatureExtractor {

    /** A reply to featurize, with the question its criterion asks. */
    public record Reply(String question, String response) {
        public Reply {
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(response, "response");
        }
    }

    private final TextEncoder encoder;
    private final VectorCache cache;

    public FeatureExtractor(TextEncoder encoder) {
        this(encoder, null);
    }

    /** With an optional vector cache (may be null). */
    public FeatureExtractor(TextEncoder encoder, VectorCache cache) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.cache = cache;
    }

    public TextEncoder encoder() {
        return encoder;
    }

    public List<ReplyFeatures> extract(List<Reply> replies) {
        EncoderSpec spec = encoder.spec();
        Map<TextEncoder.Input, Integer> index = new LinkedHashMap<>();
        List<int[]> sentenceRows = new ArrayList<>(replies.size());
        int[] pairRows = new int[replies.size()];
        for (int r = 0; r < replies.size(); r++) {
            Reply reply = replies.get(r);
            List<String> sentences = Sentences.split(reply.response());
            int[] rows = new int[sentences.size()];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = index.computeIfAbsent(TextEncoder.Input.of(spec.passagePrefix() + sentences.get(i)),
                        k -> index.size());
            }
            sentenceRows.add(rows);
            pairRows[r] = index.computeIfAbsent(TextEncoder.Input.pair(spec.queryPrefix() + reply.question(),
                    spec.passagePrefix() + Sentences.clean(reply.response())), k -> index.size());
        }
        float[][] vectors = encodeAll(new ArrayList<>(index.keySet()));
        List<ReplyFeatures> out = new ArrayList<>(replies.size());
        for (int r = 0; r < replies.size(); r++) {
            int[] rows = sentenceRows.get(r);
            float[][] sentences = new float[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                sentences[i] = vectors[rows[i]];
            }
            out.add(new ReplyFeatures(sentences, vectors[pairRows[r]],
                    OutOfDistribution.words(replies.get(r).response())));
        }
        return out;
    }

    private float[][] encodeAll(List<TextEncoder.Input> inputs) {
        if (cache == null) {
            return encoder.encode(inputs);
        }
        float[][] out = new float[inputs.size()][];
        List<TextEncoder.Input> missing = new ArrayList<>();
        List<Integer> where = new ArrayList<>();
        String[] keys = new String[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            keys[i] = VectorCache.key(encoder.modelSha256() + "/batch" + encoder.maxBatch(), inputs.get(i));
            out[i] = cache.get(keys[i]);
            if (out[i] == null) {
                missing.add(inputs.get(i));
                where.add(i);
            }
        }
        float[][] fresh = encoder.encode(missing);
        for (int j = 0; j < fresh.length; j++) {
            out[where.get(j)] = fresh[j];
            cache.put(keys[where.get(j)], fresh[j]);
        }
        return out;
    }
}
