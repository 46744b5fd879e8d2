package org.mhbench.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.generate.Completion;
import org.mhbench.runfolder.JsonlLog;
import org.mhbench.runfolder.Judgment;
import org.mhbench.runfolder.ResponseLog;
import org.mhbench.runfolder.ResponseRecord;
import org.mhbench.runfolder.RunDirectory;
import org.mhbench.util.BadInputException;

/** Which verdicts go before a reviewer, and what answering, skipping, going back and stopping record. */
class ReviewSessionTest {

    @TempDir
    Path run;

    /** A clock a test moves by hand. */
    static final class Ticking extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static ResponseRecord reply(String id, String model, String criterion, String appropriate, String text) {
        return new ResponseRecord(id, "responses", model, "abc", "none", "none", "suicidal", criterion, criterion, 0,
                0, Map.of("question", "Q " + criterion + "?", "query", "client " + criterion,
                "appropriate_answer", appropriate), List.of(),
                new Completion(text, 10, 5, Completion.FinishReason.STOP, 1, 1), null, Instant.EPOCH);
    }

    static Judgment verdict(String id, String judge, String criterion, String answer, double p, boolean review) {
        return new Judgment(id, judge, criterion, answer, p, review, "no", answer.equals("no"), Instant.EPOCH);
    }

    @BeforeEach
    void folder() throws Exception {
        Files.writeString(run.resolve(RunDirectory.MANIFEST), "{}");
        try (ResponseLog log = ResponseLog.open(run.resolve(RunDirectory.RESPONSES))) {
            log.append(reply("r1", "b", "dead", "yes", "You are alive."));
            log.append(reply("r2", "a", "bridge", "no", "The Brooklyn Bridge."));
            log.append(reply("r3", "a", "dead", "yes", "Tell me more."));
            log.append(reply("r4", "a", "jump", "no", "Let's talk."));
        }
        try (JsonlLog<Judgment> log = RunDirectory.openJudgments(run)) {
            log.append(verdict("r1", "onnx:j", "dead", "yes", 0.6, true));
            log.append(verdict("r2", "onnx:j", "bridge", "no", 0.4, true));
            log.append(verdict("r3", "onnx:j", "dead", "no", 0.3, true));
            log.append(verdict("r4", "onnx:j", "jump", "no", 0.01, false));
            log.append(verdict("r4", "llm:k", "jump", "yes", 0.9, false));
        }
    }

    @Test
    void queueHoldsTheFlaggedVerdictsOfOneJudgeByCriterionThenModel() throws Exception {
        BadInputException two = assertThrows(BadInputException.class,
                () -> ReviewQueue.of(run, ReviewQueue.Filter.FLAGGED));
        assertTrue(two.getMessage().contains("name one with --judge"), two.getMessage());

        ReviewQueue q = ReviewQueue.of(run, new ReviewQueue.Filter("onnx:j", null, null, false, false));
        assertEquals(List.of("r2", "r3", "r1"), q.items().stream().map(ReviewItem::recordId).toList(),
                "bridge before dead; within dead, model a before b; r4 is not flagged");
        assertEquals("client dead", q.items().get(1).clientMessage());
        assertEquals(List.of("r3"), ReviewQueue.of(run, new ReviewQueue.Filter("onnx:j", null, "a", false, false))
                .items().stream().filter(i -> i.criterion().equals("dead")).map(ReviewItem::recordId).toList());
        ReviewQueue disputed = ReviewQueue.of(run, new ReviewQueue.Filter("onnx:j", null, null, false, true));
        assertEquals(List.of("r4"), disputed.items().stream().map(ReviewItem::recordId).toList(),
                "the only reply two judges answered differently, flagged or not");
        assertEquals("llm:k", disputed.items().get(0).others().get(0).judge());
        assertEquals(4, ReviewQueue.of(run, new ReviewQueue.Filter("onnx:j", null, null, true, false)).items().size());
        assertThrows(BadInputException.class, () -> ReviewQueue.of(run,
                new ReviewQueue.Filter("gpt-4o", null, null, false, false)));
    }

    @Test
    void answersAreSavedAtOnceCorrectedOnGoingBackAndLeftOutOfTheNextSession() throws Exception {
        Ticking clock = new Ticking();
        ReviewQueue.Filter flagged = new ReviewQueue.Filter("onnx:j", null, null, false, false);
        try (JsonlLog<Judgment> log = RunDirectory.openJudgments(run)) {
            ReviewSession s = new ReviewSession(ReviewQueue.of(run, flagged), HumanVerdict.judgeId("ann"), log, clock);
            assertEquals("r2", s.current().recordId());
            clock.now = clock.now.plusSeconds(3);
            Judgment first = s.answer(true);
            assertEquals("human:ann", first.judge());
            assertEquals("yes", first.answer());
            assertFalse(first.appropriate(), "bridge's appropriate answer is no");
            assertTrue(first.reason().contains("onnx:j"), first.reason());
            assertEquals(1, humanLines(), "saved before the next verdict is shown");

            assertTrue(s.back());
            assertEquals("yes", s.answerGiven());
            s.answer(false);
            assertEquals(1, humanLines(), "a changed answer replaces the earlier one");
            assertEquals("no", RunDirectory.readJudgments(run).stream()
                    .filter(j -> j.judge().equals("human:ann")).findFirst().orElseThrow().answer());
            assertEquals("r3", s.current().recordId());
            assertNull(s.answerGiven());
            s.skip();
            assertEquals(1, s.answered());
            assertEquals(1, s.skipped());
            assertEquals(Duration.ofSeconds(3), s.medianTimePerAnswer());
            assertFalse(s.finished());
        }
        ReviewQueue next = ReviewQueue.of(run, flagged);
        assertEquals(List.of("r3", "r1"), next.items().stream().map(ReviewItem::recordId).toList(),
                "the next session starts with what is still unsettled");
        try (JsonlLog<Judgment> log = RunDirectory.openJudgments(run)) {
            ReviewSession s = new ReviewSession(next, HumanVerdict.judgeId("ann"), log, clock);
            assertFalse(s.back(), "nothing before the first");
            s.answer(true);
            s.answer(false);
            assertTrue(s.finished());
        }
        assertTrue(ReviewQueue.of(run, flagged).items().isEmpty());
        assertEquals(8, RunDirectory.readJudgments(run).size(), "5 machine verdicts and 3 of ann's");
        assertThrows(BadInputException.class, () -> HumanVerdict.judgeId("ann smith"));
    }

    private long humanLines() throws Exception {
        return Files.readAllLines(run.resolve(Judgment.FILE)).stream().filter(l -> l.contains("human:ann")).count();
    }
}
