package org.mhbench.judge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A first judge whose unsure verdicts go to a second one ({@code --judge onnx --escalate llm:FILE.gguf}):
 * every reply is judged by the first; a verdict it flags for review is asked again of the second, whose
 * answer stands, recorded with {@link Verdict#decidedBy()} and the reason. The second judge's own doubt
 * still flags the verdict for review.
 */
public final class EscalatingJudge implements Judge {

    /** How the reason of a verdict the second judge gave begins. */
    public static final String ESCALATED = "escalated: ";


    private final Judge first;
    private final Judge second;
    private final JudgeInfo info;

    public EscalatingJudge(Judge first, Judge second) {
        this.first = Objects.requireNonNull(first, "first");
        this.second = Objects.requireNonNull(second, "second");
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", "escalating");
        d.put("first", Map.of("id", first.info().id(), "version", first.info().version(), "details",
                first.info().details()));
        d.put("second", Map.of("id", second.info().id(), "version", second.info().version(), "details",
                second.info().details()));
        d.put("rule", "the second judge answers where the first one's verdict needs review");
        this.info = new JudgeInfo(Judges.escalated(first.info().id(), second.info().id()),
                first.info().version() + "/" + second.info().version(),
                first.info().trainingDataSha256() + "/" + second.info().trainingDataSha256(), d);
    }

    @Override
    public JudgeInfo info() {
        return info;
    }

    @Override
    public boolean supports(String criterion) {
        return first.supports(criterion);
    }

    @Override
    public Verdict judge(JudgeInput input) {
        return settle(input, first.judge(input));
    }

    @Override
    public List<Verdict> judgeAll(List<JudgeInput> inputs) {
        List<Verdict> firsts = first.judgeAll(inputs);
        List<Verdict> out = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            out.add(settle(inputs.get(i), firsts.get(i)));
        }
        return out;
    }

    private Verdict settle(JudgeInput input, Verdict v) {
        if (!v.needsReview() || !second.supports(input.criterion())) {
            return new Verdict(v.answer(), v.pYes(), v.needsReview(), first.info().id(), null);
        }
        Verdict w = second.judge(input);
        return new Verdict(w.answer(), w.pYes(), w.needsReview(), second.info().id(), String.format(
                java.util.Locale.ROOT, ESCALATED + "%s needed review (p_yes %.2f, answer %s%s)",
                first.info().id(), v.pYes(), v.answer(), v.reason() == null ? "" : "; " + v.reason()));
    }

    @Override
    public void close() {
        try {
            first.close();
        } finally {
            second.close();
        }
    }
}
