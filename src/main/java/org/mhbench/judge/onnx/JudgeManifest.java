package org.mhbench.judge.onnx;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mhbench.util.BadInputException;
import org.mhbench.util.Json;
import org.mhbench.util.PrivateFiles;

/**
 * {@code judge.json}: what an ONNX judge folder holds and how it was made. Format
 * {@value #FORMAT}; a reader refuses other formats. Next to it, {@code head.onnx} holds the trained
 * weights ({@link HeadModel}); the encoder is not copied into the folder but named by id and pinned by
 * the SHA-256 of its model and tokenizer files.
 *
 * @param format           {@value #FORMAT}
 * @param id               the judge's id, e.g. {@code onnx:mhbench-judge-e5s}
 * @param version          the judge's version
 * @param trainingDataSha256 SHA-256 of the training examples (see {@link TrainingSet#sha256})
 * @param encoder          the encoder and how texts are given to it
 * @param head             the head file and its pooling
 * @param reviewBand       {@code [low, high]}: a verdict with {@code low < p_yes < high} needs review
 * @param criteria         what the judge was trained for, in the head's column order
 * @param training         how it was trained (sources, counts, settings), for the record
 * @param ood              the out-of-distribution statistics ({@link OutOfDistribution}), or null (a judge
 *                         trained before they existed: its verdicts are never flagged as out of distribution)
 */
public record JudgeManifest(
        @JsonProperty(value = "format", required = true) String format,
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "version", required = true) String version,
        @JsonProperty(value = "training_data_sha256", required = true) String trainingDataSha256,
        @JsonProperty(value = "encoder", required = true) Encoder encoder,
        @JsonProperty(value = "head", required = true) Head head,
        @JsonProperty(value = "review_band", required = true) List<Double> reviewBand,
        @JsonProperty(value = "criteria", required = true) List<Criterion> criteria,
        @JsonProperty(value = "training", required = true) Map<String, Object> training,
        @JsonProperty(value = "ood") @JsonInclude(JsonInclude.Include.NON_NULL) Ood ood) {

    public static final String FORMAT = "mhbench-judge/1";
    public static final String FILE = "judge.json";

    public JudgeManifest {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(trainingDataSha256, "training_data_sha256");
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(head, "head");
        reviewBand = List.copyOf(reviewBand);
        if (reviewBand.size() != 2 || !(reviewBand.get(0) <= reviewBand.get(1))) {
            throw new IllegalArgumentException("review_band must be [low, high]");
        }
        criteria = List.copyOf(criteria);
        training = training == null ? Map.of() : training;
    }

    /**
     * @param id              an {@link EncoderSpec} id
     * @param modelSha256     SHA-256 of its ONNX model bytes
     * @param tokenizerSha256 SHA-256 of its tokenizer.json bytes
     * @param queryPrefix     prefix of the question in a (question, reply) pair
     * @param passagePrefix   prefix of a reply or sentence
     * @param maxTokens       truncation length
     */
    public record Encoder(@JsonProperty(value = "id", required = true) String id,
                          @JsonProperty(value = "model_sha256", required = true) String modelSha256,
                          @JsonProperty(value = "tokenizer_sha256", required = true) String tokenizerSha256,
                          @JsonProperty(value = "query_prefix", required = true) String queryPrefix,
                          @JsonProperty(value = "passage_prefix", required = true) String passagePrefix,
                          @JsonProperty(value = "max_tokens", required = true) int maxTokens) {
    }

    /**
     * @param file        the head's file name in the judge folder
     * @param sha256      its SHA-256
     * @param format      {@link HeadModel#FORMAT}
     * @param pooling     how sentence scores are pooled (documentation)
     * @param temperature {@code r} of the log-mean-exp pooling
     */
    public record Head(@JsonProperty(value = "file", required = true) String file,
                       @JsonProperty(value = "sha256", required = true) String sha256,
                       @JsonProperty(value = "format", required = true) String format,
                       @JsonProperty(value = "pooling", required = true) String pooling,
                       @JsonProperty(value = "temperature", required = true) double temperature) {
    }

    /**
     * @param id        criterion (stimulus) id
     * @param question  the question this judge answers for it (its own wording; the judge reads the
     *                  reply together with this text, whatever question a caller passes)
     * @param threshold {@code p_yes ≥ threshold} means yes
     * @param examples  training replies
     * @param yes       of which labelled yes
     */
    public record Criterion(@JsonProperty(value = "id", required = true) String id,
                            @JsonProperty(value = "question", required = true) String question,
                            @JsonProperty(value = "threshold", required = true) double threshold,
                            @JsonProperty(value = "examples", required = true) int examples,
                            @JsonProperty(value = "yes", required = true) int yes) {
    }

    /**
     * Where the out-of-distribution statistics are and how they were made.
     *
     * @param file     their file in the judge folder ({@value OutOfDistribution#FILE})
     * @param sha256   its SHA-256
     * @param format   {@value OutOfDistribution#FORMAT}
     * @param vector   what is compared (documentation)
     * @param quantile the share of training replies below their criterion's similarity floor
     * @param criteria per criterion: word range, most sentences, similarity floor, vectors kept
     */
    public record Ood(@JsonProperty(value = "file", required = true) String file,
                      @JsonProperty(value = "sha256", required = true) String sha256,
                      @JsonProperty(value = "format", required = true) String format,
                      @JsonProperty(value = "vector", required = true) String vector,
                      @JsonProperty(value = "quantile", required = true) double quantile,
                      @JsonProperty(value = "criteria", required = true) Map<String, Object> criteria) {
    }

    public static JudgeManifest read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("not an ONNX judge folder: " + file + " is missing");
        }
        JudgeManifest m;
        try {
            m = Json.MAPPER.readValue(file.toFile(), JudgeManifest.class);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage().split("\n")[0], e);
        }
        if (!FORMAT.equals(m.format())) {
            throw new BadInputException(file + ": format " + m.format() + " is not supported (this mhbench "
                    + "reads " + FORMAT + ")");
        }
        return m;
    }

    /** Writes {@code dir/judge.json}, owner-only. */
    public void write(Path dir) {
        try {
            String json = Json.PRETTY.writeValueAsString(this) + "\n";
            PrivateFiles.replace(dir.resolve(FILE), tmp -> Files.writeString(tmp, json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
