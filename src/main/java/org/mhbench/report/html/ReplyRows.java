package org.mhbench.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mhbench.generate.ChatMessage;
import org.mhbench.generate.Role;
import org.mhbench.responses.ResponsesExperiment;
import org.mhbench.runfolder.Judgment;
import org.mhbench.runfolder.ExperimentParameters;
import org.mhbench.runfolder.Manifest;
import org.mhbench.runfolder.ResponseRecord;
import org.mhbench.score.stigma.AnswerCoder;
import org.mhbench.score.stigma.CodedAnswer;
import org.mhbench.stigma.StigmaStimuli;
import org.mhbench.stimuli.StrictParser;
import org.mhbench.util.Home;
import org.mhbench.util.Json;

/**
 * Every reply of the runs as one embedded JSON block for the replies table: one row per verdict (a
 * reply judged by two judges gives two rows; an unjudged or failed one, one row). Columns that repeat
 * (run, model, setting, condition, stimulus, judge, verdict) are indices into a string table, the
 * client's message a list of indices of its paragraphs, so thousands of rows stay small; replies are
 * stored once per row as they were written.
 *
 * <p>Verdicts: for appropriate responses the judge's ({@code appropriate}, {@code inappropriate},
 * {@code not judged}, {@code no reply}); for stigma the paper's strict parser's reading
 * ({@code stigmatizing}, {@code not stigmatizing}, {@code do not know}, {@code unreadable},
 * {@code not scored} for the attribution questions, {@code no reply}).
 */
final class ReplyRows {

    /** The columns of a row, in order. */
    static final List<String> COLUMNS = List.of("run", "model", "experiment", "setting", "condition", "stimulus",
            "message", "reply", "judge", "verdict", "answer", "pYes", "review");

    private final List<String> strings = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final List<List<Object>> rows = new ArrayList<>();

    private ReplyRows() {
    }

    /** The rows of every run: appropriate responses first, then stigma answers. */
    static ReplyRows of(Runs runs) {
        ReplyRows out = new ReplyRows();
        for (String experiment : List.of(ResponsesExperiment.ID, StigmaHtml.EXPERIMENT)) {
            for (RunData r : runs.all()) {
                out.add(runs, r, experiment);
            }
        }
        return out;
    }

    int size() {
        return rows.size();
    }

    /** The JSON text: {@code {"columns": [...], "strings": [...], "rows": [[...], ...]}}. */
    String json() {
        Map<String, Object> doc = new java.util.LinkedHashMap<>();
        doc.put("columns", COLUMNS);
        doc.put("strings", strings);
        doc.put("rows", rows);
        try {
            return Json.MAPPER.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void add(Runs runs, RunData r, String experiment) {
        Map<String, List<Judgment>> verdicts = new HashMap<>();
        r.judgments().forEach(j -> verdicts.computeIfAbsent(j.recordId(), k -> new ArrayList<>()).add(j));
        AnswerCoder coder = experiment.equals(StigmaHtml.EXPERIMENT) ? coder(r) : null;
        for (ResponseRecord rec : r.records()) {
            if (!rec.experiment().equals(experiment)) {
                continue;
            }
            String model = runs.label(r, rec.model());
            String setting = rec.systemPrompt() + ("none".equals(rec.context()) ? "" : " · " + rec.context());
            String stimulus = stimulus(rec);
            String reply = rec.failed() ? null : rec.output();
            if (experiment.equals(ResponsesExperiment.ID)) {
                List<Judgment> js = rec.failed() ? List.of() : verdicts.getOrDefault(rec.id(), List.of());
                if (js.isEmpty()) {
                    row(r.name(), model, experiment, setting, rec.condition(), stimulus, message(rec, true), reply,
                            rec.failed() ? failure(rec) : "none", rec.failed() ? "no reply" : "not judged", "", null,
                            false);
                }
                for (Judgment j : js) {
                    row(r.name(), model, experiment, setting, rec.condition(), stimulus, message(rec, true), reply,
                            j.judge(), j.appropriate() ? "appropriate" : "inappropriate", j.answer(), j.pYes(),
                            j.needsReview());
                }
            } else {
                String[] verdict = stigmaVerdict(coder, rec);
                row(r.name(), model, experiment, setting, rec.condition(), stimulus, message(rec, false), reply,
                        rec.failed() ? failure(rec) : "parser:" + StrictParser.ID, verdict[0], verdict[1], null, false);
            }
        }
    }

    private void row(String run, String model, String experiment, String setting, String condition, String stimulus,
                     String message, String reply, String judge, String verdict, String answer, Double pYes,
                     boolean review) {
        List<Object> row = new ArrayList<>(COLUMNS.size());
        for (String s : new String[] {run, model, experiment, setting, condition, stimulus}) {
            row.add(intern(s));
        }
        row.add(paragraphs(message));
        row.add(reply);
        row.add(intern(judge));
        row.add(intern(verdict));
        row.add(intern(answer));
        row.add(pYes == null || !Double.isFinite(pYes) ? null : Math.round(pYes * 1000) / 1000.0);
        row.add(review ? 1 : 0);
        rows.add(row);
    }

    /**
     * A message as string-table indices of its paragraphs (split at blank lines), so that the vignettes and
     * questions stigma prompts combine are stored once each, however many prompts combine them.
     */
    private List<Integer> paragraphs(String message) {
        List<Integer> out = new ArrayList<>();
        if (message != null && !message.isEmpty()) {
            for (String p : message.split("\n\n", -1)) {
                out.add(intern(p));
            }
        }
        return out;
    }

    private int intern(String s) {
        String v = s == null ? "" : s;
        return index.computeIfAbsent(v, k -> {
            strings.add(k);
            return strings.size() - 1;
        });
    }

    /** The stimulus id, with its placement in a transcript when it has one. */
    private static String stimulus(ResponseRecord r) {
        String n = r.attributes().get(ResponsesExperiment.MESSAGE_NUMBER);
        String t = r.attributes().get(ResponsesExperiment.TRANSCRIPT);
        if (n != null && t != null && !"none".equals(t)) {
            return r.stimulus() + " @ " + n + " messages of transcript " + t;
        }
        return r.stimulus();
    }

    /** The client's message: the criterion's query (responses), else the last user turn sent. */
    private static String message(ResponseRecord r, boolean responses) {
        if (responses && r.attributes().get(ResponsesExperiment.QUERY) != null) {
            return r.attributes().get(ResponsesExperiment.QUERY);
        }
        for (int i = r.messages().size() - 1; i >= 0; i--) {
            ChatMessage m = r.messages().get(i);
            if (m.role() == Role.USER) {
                return m.content();
            }
        }
        return "";
    }

    private static String failure(ResponseRecord r) {
        return "failed: " + r.failure().kind();
    }

    /** {verdict, answer letter} of a stigma record under the strict parser. */
    private static String[] stigmaVerdict(AnswerCoder coder, ResponseRecord r) {
        if (r.failed()) {
            return new String[] {"no reply", ""};
        }
        if (coder == null) {
            return new String[] {"unknown (stimuli not found)", ""};
        }
        CodedAnswer a;
        try {
            a = coder.code(r);
        } catch (RuntimeException e) {
            return new String[] {"unknown (question not in the stimuli)", ""};
        }
        String letter = a.letter() == null ? "" : a.letter();
        return switch (a.outcome()) {
            case FAILED -> new String[] {"no reply", ""};
            case UNPARSED -> new String[] {"unreadable", ""};
            case DO_NOT_KNOW -> new String[] {"do not know", letter};
            case ANSWERED -> new String[] {!a.question().inScore() ? "not scored" : a.stigmatizing() ? "stigmatizing"
                    : "not stigmatizing", letter};
        };
    }

    /** The strict parser over the stimuli the run used (its manifest's folder, else the shipped ones). */
    private static AnswerCoder coder(RunData r) {
        List<Path> dirs = new ArrayList<>();
        r.tables().manifest().flatMap(m -> m.parameters().experiment(StigmaHtml.EXPERIMENT))
                .map(ExperimentParameters::stimuliDir).ifPresent(d -> dirs.add(Path.of(d)));
        dirs.add(Home.resolve("stimuli").resolve(StigmaStimuli.FOLDER));
        for (Path d : dirs) {
            if (Files.isDirectory(d)) {
                try {
                    return new AnswerCoder(StigmaStimuli.load(d), new StrictParser());
                } catch (RuntimeException e) {
                    // a bad folder: try the next
                }
            }
        }
        return null;
    }
}
