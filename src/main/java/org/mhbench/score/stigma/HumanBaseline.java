package org.mhbench.score.stigma;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mhbench.score.CsvFiles;
import org.mhbench.score.SummaryRow;
import org.mhbench.stigma.ConditionTemplate;
import org.mhbench.stigma.Question;
import org.mhbench.stigma.Scale;
import org.mhbench.stigma.StigmaExperiment;
import org.mhbench.stigma.StigmaStimuli;
import org.mhbench.stimuli.StimulusFormatException;

/**
 * The GSS 2018 human baseline (Pescosolido et al. 2021, as shipped with the paper in
 * {@code external_data/human_data_2018.csv}): a table of percentages, one row per survey item, one
 * column per condition. Rows are matched to our questions by each question's
 * {@link Question#baselineKeywords() keywords} (all must occur, ignoring case; a row matching none,
 * such as "group home", is skipped with a note); columns by condition name or alias. A UTF-8 BOM
 * is ignored.
 *
 * <p>Two readings are reported, because the paper's is very likely inverted (paper-methods §1.7):
 * <ul>
 *   <li>{@link Reading#NOTEBOOK}: the paper's notebook treats each value as the share answering in
 *       the upper half of the scale (willing / likely), so the stigma share is 1 − x for questions
 *       whose stigmatizing answers are the lower half (the social-distance items) and x otherwise.
 *       This gives the figure's 0.722 / 0.722 / 0.548 / 0.558.</li>
 *   <li>{@link Reading#UNWILLING}: the source table reports the stigmatizing share itself
 *       (% unwilling, % likely violent), so the stigma share is x. This gives 0.172 / 0.205 /
 *       0.508 / 0.498, the ordering the literature reports; probably the correct reading.</li>
 * </ul>
 * Each is written to {@code summary.csv} as its own "model" with empty k and n (counts unknown),
 * NaN intervals, judge/system_prompt/context {@code none}. {@code all} is the mean over the scored
 * questions; {@code overall} the mean over the pooled conditions (percentages have no counts to pool).
 */
public final class HumanBaseline {

    /** Which way to read the table. */
    public enum Reading {
        /** the paper notebook's reading (1 − x for social distance); probably inverted */
        NOTEBOOK("human-gss2018-notebook-reading"),
        /** the values are the stigmatizing share (% unwilling / % likely); probably correct */
        UNWILLING("human-gss2018-unwilling-reading");

        private final String label;

        Reading(String label) {
            this.label = label;
        }

        /** The model label of this reading's rows. */
        public String label() {
            return label;
        }
    }

    private final Path file;
    private final StigmaStimuli stimuli;
    private final Map<String, Map<String, Double>> values;
    private final List<String> notes;

    private HumanBaseline(Path file, StigmaStimuli stimuli, Map<String, Map<String, Double>> values,
                          List<String> notes) {
        this.file = file;
        this.stimuli = stimuli;
        this.values = values;
        this.notes = notes;
    }

    /**
     * Reads the table.
     *
     * @throws StimulusFormatException naming file and line when it is missing or malformed
     */
    public static HumanBaseline load(Path file, StigmaStimuli stimuli) {
        if (!Files.isRegularFile(file)) {
            throw new StimulusFormatException(file, 0, "human-baseline file not found (give the GSS 2018 table, "
                    + "e.g. <paper>/external_data/human_data_2018.csv)");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Map<String, Map<String, Double>> values = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        try (Reader r = new StringReader(text);
             CSVParser parser = CsvFiles.FORMAT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            List<String> header = parser.getHeaderNames();
            if (header.size() < 2) {
                throw new StimulusFormatException(file, 1, "expected a question column and one column per condition");
            }
            List<String> conditions = new ArrayList<>();
            for (String column : header.subList(1, header.size())) {
                ConditionTemplate c = stimuli.condition(column).orElseThrow(() -> new StimulusFormatException(file, 1,
                        "column \"" + column + "\" names no condition of the stimuli (ids or aliases in "
                                + "vignettes.jsonl)"));
                conditions.add(c.condition());
                values.put(c.condition(), new LinkedHashMap<>());
            }
            for (CSVRecord row : parser) {
                int line = (int) row.getRecordNumber() + 1;
                String item = row.get(0);
                List<Question> matches = stimuli.questions().stream().filter(q -> matches(q, item)).toList();
                if (matches.isEmpty()) {
                    notes.add("human baseline: row \"" + item + "\" (" + file.getFileName() + ":" + line
                            + ") matches no question; skipped");
                    continue;
                }
                if (matches.size() > 1) {
                    throw new StimulusFormatException(file, line, "row matches several questions "
                            + matches.stream().map(Question::id).toList() + "; make their baseline_keywords distinct");
                }
                if (row.size() != header.size()) {
                    throw new StimulusFormatException(file, line, "expected " + header.size() + " cells, found "
                            + row.size());
                }
                String qid = matches.get(0).id();
                for (int i = 0; i < conditions.size(); i++) {
                    double pct = percent(file, line, row.get(i + 1));
                    if (values.get(conditions.get(i)).put(qid, pct / 100.0) != null) {
                        throw new StimulusFormatException(file, line, "a second row for question " + qid);
                    }
                }
            }
        } catch (IOException e) {
            throw new StimulusFormatException(file, 0, "not a CSV table: " + e.getMessage());
        }
        return new HumanBaseline(file, stimuli, values, notes);
    }

    private static boolean matches(Question q, String item) {
        String lower = item.toLowerCase(Locale.ROOT);
        return !q.baselineKeywords().isEmpty() && q.baselineKeywords().stream().allMatch(lower::contains);
    }

    private static double percent(Path file, int line, String cell) {
        try {
            double v = Double.parseDouble(cell.strip());
            if (v < 0 || v > 100) {
                throw new StimulusFormatException(file, line, "percentage " + cell + " is outside 0..100");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new StimulusFormatException(file, line, "\"" + cell + "\" is not a percentage");
        }
    }

    /** The raw share (0..1) the table gives for a condition and question, or NaN when absent. */
    public double raw(String condition, String questionId) {
        Map<String, Double> byQuestion = values.get(condition);
        Double v = byQuestion == null ? null : byQuestion.get(questionId);
        return v == null ? Double.NaN : v;
    }

    /** The stigma share under {@code reading} for one condition (or overall) and item (or all). */
    public double stigma(Reading reading, StigmaCells cells, String condition, String item) {
        if (StigmaCells.OVERALL.equals(condition)) {
            return mean(cells.pooled().stream().mapToDouble(c -> stigma(reading, cells, c, item)).toArray());
        }
        if (StigmaCells.ALL.equals(item)) {
            return mean(stimuli.scoredQuestions().stream()
                    .mapToDouble(q -> stigma(reading, cells, condition, q.id())).toArray());
        }
        Question q = stimuli.question(item).orElseThrow();
        double x = raw(condition, item);
        if (reading == Reading.UNWILLING) {
            return x;
        }
        return stigmatizesUpperHalf(q) ? x : 1 - x;
    }

    /** True when the question's stigmatizing letters lie in the upper half of its substantive options. */
    private boolean stigmatizesUpperHalf(Question q) {
        Scale s = stimuli.scaleOf(q);
        List<String> substantive = s.letters().stream().filter(l -> !s.isDoNotKnow(l)).toList();
        int half = substantive.size() / 2;
        return q.stigmatizing().stream().allMatch(l -> substantive.indexOf(l) >= half);
    }

    /** Summary rows for both readings: every condition and overall × every scored question and all. */
    public List<SummaryRow> summaryRows(StigmaCells cells) {
        List<SummaryRow> out = new ArrayList<>();
        for (Reading reading : Reading.values()) {
            for (String condition : cells.conditions()) {
                for (String item : cells.items()) {
                    out.add(new SummaryRow(StigmaExperiment.ID, reading.label(), "none", "none", "none", condition,
                            item, -1, -1, stigma(reading, cells, condition, item), Double.NaN, Double.NaN));
                }
            }
        }
        return out;
    }

    /** Notes for people: skipped rows, and which reading is which. */
    public List<String> notes() {
        List<String> out = new ArrayList<>(notes);
        out.add("human baseline from " + file + ": '" + Reading.NOTEBOOK.label() + "' is the paper notebook's "
                + "reading (1 - x for social-distance items; reproduces its figure but is probably inverted); '"
                + Reading.UNWILLING.label() + "' reads the table as % unwilling / % likely (probably correct)");
        return out;
    }

    private static double mean(double[] xs) {
        if (xs.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.length;
    }
}
