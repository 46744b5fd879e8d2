package org.mhbench.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mhbench.judge.JudgeInfo;
import org.mhbench.judge.onnx.JudgeManifest;
import org.mhbench.judge.JudgeInfo;
import org.mhbench.judge.onnx.OnnxJudge;
import org.mhbench.util.Home;
import org.mhbench.util.Json;

/**
 * A judge's published agreement figures, as the report shows them: for an ONNX judge its folder's
 * {@code evaluation.json} (written by {@code train-judge --evaluate-json}; the shipped judge's is
 * {@code models/judge/evaluation.json}, explained in {@code models/judge/README.md}), found through
 * the folder the run's manifest names or the shipped judge when id and training data match; for the
 * paper's imported gpt-4o labels the paper's own validation (resource {@code published-agreement.json}).
 * Other judges (a local LLM judge) have none until measured with {@code validate-judge}.
 *
 * @param source       where the figures come from (plain text)
 * @param pooled       pooled agreement rows (against whom, n, agreement, κ)
 * @param perCriterion per criterion id: n, agreement, κ (κ {@code null} where it cannot be measured)
 * @param note         a remark (e.g. why there are no per-criterion figures), or {@code null}
 */
record JudgeFigures(String source, List<Agreement> pooled, Map<String, Agreement> perCriterion, String note) {

    /** Minimum κ the report trusts without a warning. */
    static final double KAPPA_FLOOR = 0.8;

    /**
     * One agreement figure.
     *
     * @param against  the reference labels
     * @param n        labelled replies
     * @param accuracy share of agreement
     * @param kappa    Cohen's κ, or {@code null} where it cannot be computed
     */
    record Agreement(String against, long n, double accuracy, Double kappa) {

        boolean low() {
            return kappa == null || kappa < KAPPA_FLOOR;
        }
    }

    /** The figures of the judge a manifest entry describes, if any are known. */
    static Optional<JudgeFigures> of(JudgeInfo judge) {
        String id = judge.id();
        if (id.startsWith("onnx:")) {
            return onnx(judge);
        }
        return published(id, judge.version());
    }

    private static Optional<JudgeFigures> onnx(JudgeInfo judge) {
        List<Path> candidates = new ArrayList<>();
        if (judge.details().get("folder") != null) {
            candidates.add(Path.of(String.valueOf(judge.details().get("folder"))));
        }
        candidates.add(Home.resolve(OnnxJudge.DEFAULT_DIR));
        for (Path dir : candidates) {
            try {
                if (!Files.isRegularFile(dir.resolve(JudgeManifest.FILE))) {
                    continue;
                }
                JudgeManifest m = JudgeManifest.read(dir);
                if (!m.id().equals(judge.id()) || !Objects.equals(m.version(), String.valueOf(judge.version()))
                        || judge.trainingDataSha256() != null
                        && !m.trainingDataSha256().equals(judge.trainingDataSha256())) {
                    continue;
                }
                Path evaluation = dir.resolve("evaluation.json");
                if (!Files.isRegularFile(evaluation)) {
                    return Optional.of(new JudgeFigures(dir.resolve(JudgeManifest.FILE).toString(), List.of(), Map.of(),
                            "the judge folder has no evaluation.json: measure the judge with 'mhbench validate-judge'"));
                }
                return Optional.of(fromEvaluation(Json.MAPPER.readTree(evaluation.toFile()), evaluation));
            } catch (IOException | RuntimeException e) {
                // an unreadable folder is as good as none; try the next
            }
        }
        return Optional.empty();
    }

    /** {@code evaluation.json}: leave-one-source-out agreement with the training labels. */
    static JudgeFigures fromEvaluation(JsonNode e, Path file) {
        String against = "held-out labels (leave one source out)";
        List<Agreement> pooled = List.of(agreement(against, e));
        Map<String, Agreement> per = new LinkedHashMap<>();
        e.path("per_criterion").fields().forEachRemaining(f -> per.put(f.getKey(), agreement(against, f.getValue())));
        String note = null;
        JsonNode review = e.path("review");
        if (review.has("flagged")) {
            note = String.format(java.util.Locale.ROOT, "In that evaluation %d verdicts were flagged needs-review; "
                            + "agreement %.1f%% on them, %.1f%% on the others.", review.path("flagged").asLong(),
                    100 * review.path("accuracy_flagged").asDouble(), 100 * review.path("accuracy_not_flagged").asDouble());
        }
        return new JudgeFigures(file + " (see the judge folder's README for how it was measured)", pooled, per, note);
    }

    private static Agreement agreement(String against, JsonNode n) {
        JsonNode k = n.path("kappa");
        return new Agreement(against, n.path("n").asLong(), n.path("accuracy").asDouble(Double.NaN),
                k.isNumber() ? k.asDouble() : null);
    }

    private static Optional<JudgeFigures> published(String id, String version) {
        try (InputStream in = JudgeFigures.class.getResourceAsStream("published-agreement.json")) {
            if (in == null) {
                return Optional.empty();
            }
            JsonNode j = Json.MAPPER.readTree(in).path(id);
            if (j.isMissingNode()) {
                return Optional.empty();
            }
            List<Agreement> pooled = new ArrayList<>();
            for (JsonNode p : j.path("pooled")) {
                pooled.add(new Agreement(p.path("against").asText(), p.path("n").asLong(), p.path("agreement").asDouble(),
                        p.path("kappa").isNumber() ? p.path("kappa").asDouble() : null));
            }
            return Optional.of(new JudgeFigures(j.path("source").asText(), pooled, Map.of(),
                    j.path("per_criterion_note").asText(null)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
