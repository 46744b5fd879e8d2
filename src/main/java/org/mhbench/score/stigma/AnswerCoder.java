package org.mhbench.score.stigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mhbench.runfolder.ResponseRecord;
import org.mhbench.stigma.Decoding;
import org.mhbench.stigma.Question;
import org.mhbench.stigma.Scale;
import org.mhbench.stigma.StigmaStimuli;
import org.mhbench.stimuli.AnswerParser;
import org.mhbench.util.BadInputException;

/**
 * Reads stigma records with one parser into {@link CodedAnswer}s (paper-methods §1.6): failed →
 * FAILED; no letter → UNPARSED; the scale's do-not-know letter → DO_NOT_KNOW; otherwise ANSWERED.
 * The judge label is {@code parser:<id>}, plus {@code +grammar} for grammar-constrained records.
 */
public final class AnswerCoder {

    private final StigmaStimuli stimuli;
    private final AnswerParser parser;

    public AnswerCoder(StigmaStimuli stimuli, AnswerParser parser) {
        this.stimuli = stimuli;
        this.parser = parser;
    }

    /** The judge label for records decoded with {@code decoding}. */
    public String judgeLabel(Decoding decoding) {
        return "parser:" + parser.id() + decoding.settingSuffix();
    }

    /**
     * Codes every record.
     *
     * @throws BadInputException when a record's question or condition is not in the stimuli (the
     *                           stimuli changed since the run), or its decoding is unknown
     */
    public List<CodedAnswer> code(List<ResponseRecord> records) {
        List<CodedAnswer> out = new ArrayList<>(records.size());
        for (ResponseRecord r : records) {
            out.add(code(r));
        }
        return out;
    }

    /** Codes one record. */
    public CodedAnswer code(ResponseRecord r) {
        Question q = stimuli.question(r.item()).orElseThrow(() -> new BadInputException("record " + r.id()
                + ": question '" + r.item() + "' is not in the stimuli (" + stimuli.dir()
                + "); score with the stimuli the run used (--stimuli DIR)"));
        if (stimuli.conditions().stream().noneMatch(c -> c.condition().equals(r.condition()))) {
            throw new BadInputException("record " + r.id() + ": condition '" + r.condition()
                    + "' is not in the stimuli (" + stimuli.dir() + "); score with the stimuli the run used");
        }
        Scale scale = stimuli.scaleOf(q);
        String judge;
        try {
            judge = judgeLabel(Decoding.fromAttribute(r.attributes().get("decoding")));
        } catch (IllegalArgumentException e) {
            // a record another (newer) mhbench wrote, or an edited one
            throw new BadInputException("record " + r.id() + ": " + e.getMessage(), e);
        }
        CodedAnswer.Outcome outcome;
        String letter = null;
        if (r.failed()) {
            outcome = CodedAnswer.Outcome.FAILED;
        } else {
            Optional<String> parsed = parser.parse(r.output(), scale.options());
            if (parsed.isEmpty()) {
                outcome = CodedAnswer.Outcome.UNPARSED;
            } else {
                letter = parsed.get();
                outcome = scale.isDoNotKnow(letter) ? CodedAnswer.Outcome.DO_NOT_KNOW : CodedAnswer.Outcome.ANSWERED;
            }
        }
        return new CodedAnswer(r.model(), r.systemPrompt(), judge, r.context(), r.condition(), q, outcome, letter);
    }
}
