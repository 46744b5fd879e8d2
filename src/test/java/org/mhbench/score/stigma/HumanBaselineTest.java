package org.mhbench.score.stigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhbench.score.SummaryRow;
import org.mhbench.stigma.StigmaStimuli;
import org.mhbench.stimuli.StimulusFormatException;

/** The human baseline table, read both ways, on a small synthetic table. */
class HumanBaselineTest {

    private static final StigmaStimuli STIMULI = StigmaStimuli.load(Path.of("stimuli", "stigma"));
    private static final StigmaCells CELLS = new StigmaCells(STIMULI);

    private static Path table(Path dir, String body) throws IOException {
        Path f = dir.resolve("baseline.csv");
        Files.writeString(f, "\uFEFFquestion,schizophrenia,depression,alcohol dependence,daily troubles\n" + body,
                StandardCharsets.UTF_8);
        return f;
    }

    private static final String BODY = """
            Willing to work closely with them?,40,20,30,20
            Willing to have them live next door?,40,20,30,20
            Willing to spend an evening socializing?,40,20,30,20
            Willing to have them as a friend?,40,20,30,20
            group home,99,99,99,99
            Willing to let them marry into the family?,40,20,30,20
            Would they be violent toward other people?,70,10,60,10
            Is it a mental illness?,90,70,60,30
            """;

    @Test
    void bothReadings(@TempDir Path dir) throws IOException {
        HumanBaseline b = HumanBaseline.load(table(dir, BODY), STIMULI);
        assertEquals(0.2, b.raw("control", "q08_work_closely"), 1e-12);
        double unwilling = b.stigma(HumanBaseline.Reading.UNWILLING, CELLS, "control", "all");
        double notebook = b.stigma(HumanBaseline.Reading.NOTEBOOK, CELLS, "control", "all");
        assertEquals((5 * 0.2 + 0.1) / 6, unwilling, 1e-12);
        assertEquals((5 * 0.8 + 0.1) / 6, notebook, 1e-12);
        assertEquals(0.7, b.stigma(HumanBaseline.Reading.NOTEBOOK, CELLS, "schizophrenia", "q13_violence_others"),
                1e-12, "violence is read as is under both readings");
        double overall = b.stigma(HumanBaseline.Reading.UNWILLING, CELLS, "overall", "all");
        double mean = (b.stigma(HumanBaseline.Reading.UNWILLING, CELLS, "depression", "all")
                + b.stigma(HumanBaseline.Reading.UNWILLING, CELLS, "alcohol_dependence", "all")
                + b.stigma(HumanBaseline.Reading.UNWILLING, CELLS, "schizophrenia", "all")) / 3;
        assertEquals(mean, overall, 1e-12);
        assertTrue(b.notes().stream().anyMatch(n -> n.contains("\"group home\"") && n.contains("skipped")));
    }

    @Test
    void summaryRowsHaveUnknownCounts(@TempDir Path dir) throws IOException {
        List<SummaryRow> rows = HumanBaseline.load(table(dir, BODY), STIMULI).summaryRows(CELLS);
        assertEquals(2 * 5 * 7, rows.size());
        for (SummaryRow r : rows) {
            assertEquals(-1, r.n());
            assertEquals(-1, r.k());
            assertTrue(Double.isNaN(r.ciLow()));
            assertTrue(r.model().equals("human-gss2018-notebook-reading")
                    || r.model().equals("human-gss2018-unwilling-reading"));
        }
    }

    @Test
    void badTablesNameFileAndLine(@TempDir Path dir) throws IOException {
        StimulusFormatException e = assertThrows(StimulusFormatException.class, () -> HumanBaseline.load(
                table(dir, "Willing to work closely?,40,x,30,20\n"), STIMULI));
        assertTrue(e.getMessage().contains("baseline.csv:2: \"x\" is not a percentage"), e.getMessage());
        Path f = dir.resolve("cols.csv");
        Files.writeString(f, "question,schizophrenia,anxiety\nwork,1,2\n");
        e = assertThrows(StimulusFormatException.class, () -> HumanBaseline.load(f, STIMULI));
        assertTrue(e.getMessage().contains("cols.csv:1: column \"anxiety\""), e.getMessage());
        assertThrows(StimulusFormatException.class, () -> HumanBaseline.load(dir.resolve("absent.csv"), STIMULI));
    }
}
