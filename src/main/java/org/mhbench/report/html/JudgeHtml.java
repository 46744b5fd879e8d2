package org.mhbench.report.html;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mhbench.paper.HandCollectedResponses;
import org.mhbench.report.Fmt;
import org.mhbench.judge.JudgeInfo;
import org.mhbench.runfolder.Judgment;
import org.mhbench.runfolder.ResponseRecord;

/**
 * The judge's validity: which judges made the verdicts, their published agreement figures per criterion
 * ({@link JudgeFigures}), how many verdicts each judge gave per criterion in these runs, and the share
 * of verdicts that need review per model. Criteria the report leans on (judged in these runs) whose
 * κ is below {@value JudgeFigures#KAPPA_FLOOR}, or cannot be measured, become a warning banner at the
 * top of the page; so does a judge with no agreement figures at all.
 */
final class JudgeHtml {

    private static final String HUMAN = HandCollectedResponses.HUMAN_JUDGE;

    /**
     * @param section the section
     * @param banners warnings for the top of the page (HTML fragments)
     */
    record Result(Section section, List<String> banners) {
    }

    private JudgeHtml() {
    }

    static Result render(Runs runs) {
        Map<String, JudgeInfo> judges = new LinkedHashMap<>();
        Map<String, Map<String, Long>> verdicts = new LinkedHashMap<>();
        Map<List<String>, long[]> review = new LinkedHashMap<>();
        for (RunData r : runs.all()) {
            r.tables().manifest().ifPresent(m -> m.judges().forEach(j -> judges.putIfAbsent(j.id(), j)));
            Map<String, ResponseRecord> byId = new HashMap<>();
            r.records().forEach(rec -> byId.put(rec.id(), rec));
            for (Judgment j : r.judgments()) {
                judges.putIfAbsent(j.judge(), new JudgeInfo(j.judge(), null, null, Map.of()));
                verdicts.computeIfAbsent(j.judge(), k -> new TreeMap<>()).merge(j.criterion(), 1L, Long::sum);
                ResponseRecord rec = byId.get(j.recordId());
                String model = rec == null ? "(record not found)" : runs.label(r, rec.model());
                long[] c = review.computeIfAbsent(List.of(j.judge(), model), k -> new long[2]);
                c[0]++;
                c[1] += j.needsReview() ? 1 : 0;
            }
        }
        if (judges.isEmpty()) {
            return new Result(new Section("judge", "The judge", ""), List.of());
        }
        List<String> banners = new ArrayList<>();
        StringBuilder b = new StringBuilder("<p>Every % appropriate above rests on a judge’s verdicts. Its agreement "
                + "with reference labels, where published, is shown per criterion (Cohen’s κ; below ")
                .append(JudgeFigures.KAPPA_FLOOR).append(" is marked). Check doubtful verdicts in the replies table "
                        + "below: filter by judge, verdict or needs-review.</p>\n");
        for (Map.Entry<String, JudgeInfo> e : judges.entrySet()) {
            String id = e.getKey();
            JudgeInfo judge = e.getValue();
            Map<String, Long> used = verdicts.getOrDefault(id, Map.of());
            b.append("<h3>Judge ").append(Cells.code(id)).append("</h3>\n<dl class=\"facts\">");
            if (judge.version() != null) {
                fact(b, "version", Html.text(judge.version()));
            }
            if (judge.trainingDataSha256() != null) {
                fact(b, "training data", "<code class=\"hash\">" + Html.text(judge.trainingDataSha256()) + "</code>");
            }
            judge.details().forEach((k, v) -> {
                if (List.of("kind", "folder", "source", "review_band", "encoder", "model_sha256").contains(k)) {
                    fact(b, k.replace('_', ' '), Html.text(String.valueOf(v)));
                }
            });
            long total = used.values().stream().mapToLong(Long::longValue).sum();
            fact(b, "verdicts in this report", Html.text(Long.toString(total)));
            b.append("</dl>\n");
            if (id.equals(HUMAN)) {
                b.append("<p>Labels given by people with hand-collected replies (<code>import-responses</code>): the "
                        + "reference itself, so no agreement figure applies.</p>\n");
                continue;
            }
            Optional<JudgeFigures> figures = JudgeFigures.of(judge);
            if (figures.isEmpty() || figures.get().pooled().isEmpty() && figures.get().perCriterion().isEmpty()) {
                b.append("<p class=\"warning-inline\">No published agreement figures are known for this judge")
                        .append(figures.map(f -> f.note() == null ? "" : " (" + Html.text(f.note()) + ")").orElse(""))
                        .append(". Measure it before relying on it: <code>mhbench validate-judge --labels FILE.jsonl "
                                + "--judge …</code>.</p>\n");
                if (total > 0) {
                    banners.add("Judge <code>" + Html.text(id) + "</code> has no known agreement figures: its "
                            + Html.text(Long.toString(total)) + " verdicts are unvalidated (see <a href=\"#judge\">the "
                            + "judge</a>).");
                }
                continue;
            }
            b.append(figures(id, figures.get(), used, banners));
        }
        b.append(reviewTable(review));
        return new Result(new Section("judge", "The judge", b.toString()), banners);
    }

    private static String figures(String id, JudgeFigures f, Map<String, Long> used, List<String> banners) {
        StringBuilder b = new StringBuilder("<p>Agreement figures from ").append(Html.text(f.source())).append(".</p>\n");
        if (!f.pooled().isEmpty()) {
            Table pooled = new Table("Pooled agreement of " + id, List.of("against", "n", "agreement", "Cohen’s κ"));
            for (JudgeFigures.Agreement a : f.pooled()) {
                pooled.rawRow(List.of(Html.text(a.against()), Long.toString(a.n()), Cells.percent(a.accuracy()),
                        kappa(a)), a.low() ? "low" : null);
                if (a.low() && !a.against().contains("humans with each other")) {
                    banners.add("Judge <code>" + Html.text(id) + "</code>: pooled κ " + Html.text(kappaText(a))
                            + " against " + Html.text(a.against()) + " is below " + JudgeFigures.KAPPA_FLOOR + ".");
                }
            }
            b.append(pooled.render());
        }
        if (!f.perCriterion().isEmpty()) {
            Table per = new Table("Agreement of " + id + " per criterion, and its verdicts in this report",
                    List.of("criterion", "verdicts in this report", "n (evaluation)", "agreement", "Cohen’s κ"));
            List<String> low = new ArrayList<>();
            List<String> criteria = new ArrayList<>(f.perCriterion().keySet());
            used.keySet().stream().filter(c -> !criteria.contains(c)).forEach(criteria::add);
            for (String c : criteria) {
                JudgeFigures.Agreement a = f.perCriterion().get(c);
                long n = used.getOrDefault(c, 0L);
                boolean flagged = a == null || a.low();
                per.rawRow(List.of(Html.text(c), Long.toString(n), a == null ? Fmt.NONE : Long.toString(a.n()),
                        a == null ? Fmt.NONE : Cells.percent(a.accuracy()), a == null ? "not measured" : kappa(a)),
                        flagged ? "low" : null);
                if (flagged && n > 0) {
                    low.add(c + " (" + (a == null ? "not measured" : "κ " + kappaText(a)) + ")");
                }
            }
            b.append(per.render());
            if (!low.isEmpty()) {
                banners.add("Judge <code>" + Html.text(id) + "</code> agrees with its reference labels at κ below "
                        + JudgeFigures.KAPPA_FLOOR + " on " + low.size() + " of the criteria this report uses: "
                        + Html.text(String.join(", ", low)) + ". Read the % appropriate of those stimuli with care and "
                        + "check their replies (see <a href=\"#judge\">the judge</a>).");
            }
        }
        if (f.note() != null) {
            b.append("<p class=\"note\">").append(Html.text(f.note())).append("</p>\n");
        }
        return b.toString();
    }

    private static String kappa(JudgeFigures.Agreement a) {
        String k = kappaText(a);
        return a.low() ? "<strong class=\"low\">" + Html.text(k) + " ⚠</strong>" : Html.text(k);
    }

    private static String kappaText(JudgeFigures.Agreement a) {
        return a.kappa() == null ? "cannot be measured" : String.format(Locale.ROOT, "%.2f", a.kappa());
    }

    private static String reviewTable(Map<List<String>, long[]> review) {
        if (review.isEmpty()) {
            return "";
        }
        Table t = new Table("Verdicts that need review (the judge was unsure or its answer was unreadable; an "
                + "unreadable answer counts as inappropriate)", List.of("model", "judge", "verdicts", "needs review"));
        review.forEach((k, c) -> t.rawRow(List.of(Html.text(k.get(1)), Cells.code(k.get(0)), Long.toString(c[0]),
                c[1] > 0 ? "<strong>" + Html.text(Cells.share(c[1], c[0])) + "</strong>" : Html.text(Cells.share(0, c[0]))),
                null));
        return "<h3>Needs review, per model</h3>\n" + t.render();
    }

    private static void fact(StringBuilder b, String name, String valueHtml) {
        b.append("<dt>").append(Html.text(name)).append("</dt><dd>").append(valueHtml).append("</dd>");
    }
}
