package org.mhbench.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryCsvTest {

    @Test
    void roundTripWithUnknownCountsAndNaN(@TempDir Path dir) throws IOException {
        List<SummaryRow> rows = List.of(
                new SummaryRow("stigma", "gpt-4o", "parser:strict", "steel-man", "none", "overall", "all", 57, 149,
                        57.0 / 149, 0.308725, 0.463087),
                new SummaryRow("stigma", "llama2-7b", "parser:strict", "steel-man", "none", "control", "all", 0, 0,
                        Double.NaN, Double.NaN, Double.NaN),
                new SummaryRow("stigma", "human-gss2018-unwilling-reading", "none", "none", "none", "control",
                        "q08_work_closely", -1, -1, 0.23, Double.NaN, Double.NaN),
                new SummaryRow("responses", "a \"quoted\", label", "judge", "none", "none", "x", "y", 1, 3, 1.0 / 3,
                        0, 1));
        Path f = dir.resolve("summary.csv");
        SummaryCsv.write(f, rows);
        List<String> lines = Files.readAllLines(f);
        assertEquals(String.join(",", SummaryRow.HEADER), lines.get(0));
        assertEquals("stigma,gpt-4o,parser:strict,steel-man,none,overall,all,57,149,0.38255,0.308725,0.463087",
                lines.get(1));
        assertEquals("stigma,llama2-7b,parser:strict,steel-man,none,control,all,0,0,NaN,NaN,NaN", lines.get(2));
        assertEquals("stigma,human-gss2018-unwilling-reading,none,none,none,control,q08_work_closely,,,0.23,NaN,NaN",
                lines.get(3));
        List<SummaryRow> back = SummaryCsv.read(f);
        assertEquals(4, back.size());
        assertEquals(rows.get(1), back.get(1));
        assertEquals(rows.get(2), back.get(2));
        assertEquals("a \"quoted\", label", back.get(3).model());
        assertEquals(0.333333, back.get(3).rate());
        assertEquals(0.38255, back.get(0).rate());
    }

    @Test
    void numberFormats() {
        assertEquals("0", CsvFiles.rate(0.0));
        assertEquals("1", CsvFiles.rate(1.0));
        assertEquals("0.172222", CsvFiles.rate(0.17222222));
        assertEquals("NaN", CsvFiles.rate(Double.NaN));
        assertEquals("1.23457E-30", CsvFiles.number(1.234567e-30));
        assertEquals("-Infinity", CsvFiles.number(Double.NEGATIVE_INFINITY));
        assertEquals("", CsvFiles.count(-1));
        assertTrue(Double.isInfinite(CsvFiles.parseDouble("Infinity")));
    }
}
