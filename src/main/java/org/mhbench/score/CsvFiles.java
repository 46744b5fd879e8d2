package org.mhbench.score;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mhbench.util.PrivateFiles;

/**
 * The CSV dialect and number formats of mhbench's output tables: RFC 4180 quoting, {@code \n} line
 * ends, UTF-8 without BOM, a header row; NaN written as {@code NaN}, infinities as
 * {@code Infinity}/{@code -Infinity}; unknown counts as an empty cell. Files are written owner-only
 * and replaced atomically.
 */
public final class CsvFiles {

    /** The dialect for reading and writing. */
    public static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build();

    private CsvFiles() {
    }

    /** A row writer. */
    @FunctionalInterface
    public interface Rows {
        void write(CSVPrinter printer) throws IOException;
    }

    /** Writes {@code header} and the rows to {@code file}, owner-only, replacing it atomically. */
    public static void write(Path file, List<String> header, Rows rows) throws IOException {
        PrivateFiles.replace(file, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                 CSVPrinter p = new CSVPrinter(w, FORMAT)) {
                p.printRecord(header);
                rows.write(p);
            }
        });
    }

    /** A proportion or interval end: at most 6 decimals, no exponent ({@code 0.382550}, {@code 1}). */
    public static String rate(double x) {
        if (!Double.isFinite(x)) {
            return special(x);
        }
        return new BigDecimal(x).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    /** A statistic or p-value: 6 significant digits, exponent when small ({@code 1.23457E-30}). */
    public static String number(double x) {
        if (!Double.isFinite(x)) {
            return special(x);
        }
        if (x == 0) {
            return "0";
        }
        return new BigDecimal(x).round(new MathContext(6, RoundingMode.HALF_EVEN)).stripTrailingZeros().toString();
    }

    /** A count; negative (unknown) is written as an empty cell. */
    public static String count(long n) {
        return n < 0 ? "" : Long.toString(n);
    }

    /** Parses a number written by {@link #rate} or {@link #number}. */
    public static double parseDouble(String s) {
        return switch (s) {
            case "NaN", "" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    /** Parses a count written by {@link #count}: empty is −1 (unknown). */
    public static long parseCount(String s) {
        return s.isEmpty() ? -1 : Long.parseLong(s);
    }

    private static String special(double x) {
        return Double.isNaN(x) ? "NaN" : x > 0 ? "Infinity" : "-Infinity";
    }
}
