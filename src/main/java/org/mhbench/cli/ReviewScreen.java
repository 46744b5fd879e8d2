package org.mhbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;
import org.mhbench.review.ReviewItem;
import org.mhbench.review.ReviewSession;
import org.mhbench.runfolder.Judgment;

/**
 * The terminal screen of {@code mhbench review}: one verdict per screen (client message, reply, question,
 * what the judge said and why it was flagged) and single keys: {@code y} yes, {@code n} no, {@code s} skip,
 * {@code b} back, {@code m} more of a long reply, {@code q} quit. Arrow keys: → skip, ← back.
 */
final class ReviewScreen {

    static final String KEYS = "y yes   n no   s skip   b back   q quit";

    private final ReviewSession session;
    private final String runName;
    private final boolean blind;
    private int replyOffset;
    private int pageStep = 10;
    private String message = "";

    ReviewScreen(ReviewSession session, String runName, boolean blind) {
        this.session = session;
        this.runName = runName;
        this.blind = blind;
    }

    /** Runs the loop on the process's terminal until the queue is done or the reviewer quits. */
    void run() throws IOException {
        AtomicBoolean interrupted = new AtomicBoolean();
        try (Terminal t = TerminalBuilder.builder().system(true).dumb(false).build()) {
            Attributes saved = t.enterRawMode();
            t.handle(Terminal.Signal.INT, s -> interrupted.set(true));
            t.handle(Terminal.Signal.WINCH, s -> draw(t));
            t.puts(Capability.keypad_xmit);
            try {
                NonBlockingReader in = t.reader();
                draw(t);
                while (!interrupted.get()) {
                    int c = in.read(200);
                    if (c == NonBlockingReader.READ_EXPIRED) {
                        continue;
                    }
                    if (c == 27) { // an escape sequence: arrows
                        int c1 = in.read(50);
                        int c2 = c1 == '[' || c1 == 'O' ? in.read(50) : -2;
                        c = c2 == 'C' ? 's' : c2 == 'D' ? 'b' : 0;
                    }
                    if (c < 0 || c == 'q' || c == 'Q' || c == 3 || c == 4) {
                        break;
                    }
                    if (!key((char) c)) {
                        continue;
                    }
                    draw(t);
                }
            } finally {
                t.puts(Capability.clear_screen);
                t.setAttributes(saved);
                t.flush();
            }
        }
    }

    /** Acts on one key; false when nothing changed. */
    boolean key(char c) {
        message = "";
        if (session.finished() && Character.toLowerCase(c) != 'b') {
            return false;
        }
        switch (Character.toLowerCase(c)) {
            case 'y' -> session.answer(true);
            case 'n' -> session.answer(false);
            case 's', ' ' -> session.skip();
            case 'b' -> {
                if (!session.back()) {
                    message = "this is the first one";
                }
            }
            case 'm' -> {
                replyOffset += pageStep;
                return true;
            }
            case '?', 'h' -> message = KEYS + "   m more of the reply   ← back  → skip";
            default -> {
                return false;
            }
        }
        replyOffset = 0;
        return true;
    }

    private synchronized void draw(Terminal t) {
        int width = t.getWidth() > 20 ? t.getWidth() : 80;
        int height = t.getHeight() > 10 ? t.getHeight() : 24;
        t.puts(Capability.clear_screen);
        PrintWriter w = t.writer();
        for (String line : lines(width, height)) {
            w.print(line);
            w.print("\r\n");
        }
        w.flush();
    }

    /** The screen for the current verdict, at most {@code height - 1} lines of at most {@code width} characters. */
    List<String> lines(int width, int height) {
        if (session.finished()) {
            List<String> end = new ArrayList<>();
            end.add(cut("mhbench review · " + runName + " · all " + session.size() + " passed", width));
            end.add("─".repeat(Math.min(width, 100)));
            end.addAll(field("done", summary(session), width));
            end.add("─".repeat(Math.min(width, 100)));
            end.add(cut("b back   q quit", width));
            return end;
        }
        ReviewItem item = session.current();
        Judgment v = item.verdict();
        List<String> head = new ArrayList<>();
        head.add(cut(String.format(Locale.ROOT, "mhbench review · %s · %d of %d · judge %s · reviewer %s", runName,
                session.position() + 1, session.size(), session.reviewedJudge(), session.judgeId()), width));
        head.add("─".repeat(Math.min(width, 100)));
        head.addAll(field("question", item.question() + "  [" + item.criterion() + "]", width));
        head.addAll(field("model", item.record().model() + " · system prompt " + item.record().systemPrompt()
                + " · context " + item.record().context(), width));
        head.add("");
        head.addAll(field("client", item.clientMessage(), width));
        head.add("");
        List<String> tail = new ArrayList<>();
        tail.add("");
        if (!blind) {
            tail.addAll(field("judge", v.answer() + " (p_yes " + String.format(Locale.ROOT, "%.2f", v.pYes()) + ")"
                    + (v.needsReview() ? " · flagged" + (v.reason() != null ? ": " + v.reason() : "") : ""), width));
            for (Judgment o : item.others()) {
                tail.addAll(field("other", o.judge() + " said " + o.answer(), width));
            }
        }
        String given = session.answerGiven();
        if (given != null) {
            tail.addAll(field("you", given + " (recorded; press y or n to change it)", width));
        }
        tail.add("─".repeat(Math.min(width, 100)));
        tail.add(cut(message.isEmpty() ? KEYS + "   ? help" : message, width));

        List<String> reply = field("reply", item.reply(), width);
        int room = Math.max(3, height - 1 - head.size() - tail.size());
        if (replyOffset >= reply.size()) {
            replyOffset = 0; // paged past the end: back to the start
        }
        pageStep = room - 1;
        List<String> shown = new ArrayList<>(reply.subList(replyOffset, Math.min(reply.size(), replyOffset + room)));
        if (reply.size() > room) {
            shown = new ArrayList<>(shown.subList(0, Math.min(shown.size(), room - 1)));
            int after = reply.size() - replyOffset - shown.size();
            shown.add(cut("           … " + (after > 0 ? after + " more lines: press m" : "end of the reply: m "
                    + "starts again"), width));
        }
        List<String> all = new ArrayList<>(head);
        all.addAll(shown);
        all.addAll(tail);
        return all;
    }

    /** A label in a column of 10, then the text wrapped to the width. */
    static List<String> field(String label, String text, int width) {
        int indent = 11;
        int room = Math.max(10, width - indent);
        List<String> out = new ArrayList<>();
        String pad = " ".repeat(indent);
        String first = String.format(Locale.ROOT, "%-" + (indent - 1) + "s ", label);
        for (String para : (text == null || text.isEmpty() ? "(empty)" : text).split("\r?\n", -1)) {
            List<String> wrapped = wrap(para, room);
            for (String l : wrapped) {
                out.add((out.isEmpty() ? first : pad) + l);
            }
        }
        return out;
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split(" +")) {
            while (word.length() > width) {
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, width));
                word = word.substring(width);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, Math.max(0, width - 1)) + "…";
    }

    /** What the session did, for the closing line. */
    static String summary(ReviewSession s) {
        int left = s.size() - s.answered();
        Duration median = s.medianTimePerAnswer();
        return String.format(Locale.ROOT, "recorded %d verdict%s of %s (%d skipped, %d of %d still to settle)%s",
                s.answered(), s.answered() == 1 ? "" : "s", s.judgeId(), s.skipped(), left, s.size(),
                median == null ? "" : String.format(Locale.ROOT, "; median %.1f s per verdict",
                        median.toMillis() / 1000.0));
    }
}
