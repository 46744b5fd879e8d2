package org.mhbench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.mhbench.util.PrivateFiles;

/**
 * The look shared by the report's charts (size, fonts, palette, y in percent from 0 to 100, legend
 * at the right) and
 * their PNG output. Rendering is headless: {@code java.awt.headless} is set before any AWT class is
 * used, so reports can be written on servers without a display.
 */
final class ChartFiles {

    static {
        headless();
    }

    /** Chart size in pixels. */
    static final int WIDTH = 900;
    static final int HEIGHT = 500;

    /** Model colours ({@link Palette#MODEL}). */
    static final List<Color> MODEL_COLORS = Palette.MODEL;

    /** Colours of reference series ({@link Palette#REFERENCE}). */
    static final List<Color> REFERENCE_COLORS = Palette.REFERENCE;

    private static final Color WHISKER = new Color(0x222222);

    private ChartFiles() {
    }

    /** Sets {@code java.awt.headless=true} unless the user chose otherwise; call before any AWT use. */
    static void headless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** The colour of the i-th model (cycling). */
    static Color modelColor(int i) {
        return Palette.model(i);
    }

    /** Applies the shared style: white background, readable fonts, legend at the right, y axis 0–100 (%). */
    static void style(AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setPlotGridLinesColor(new Color(0xDDDDDD));
        s.setPlotGridVerticalLinesVisible(false);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        s.setChartTitleBoxVisible(false);
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setAxisTickLabelsFont(TICK_FONT);
        s.setLegendFont(LEGEND_FONT);
        // right of the plot, one entry a line: a horizontal legend below does not wrap and cuts long lists
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setLegendLayout(Styler.LegendLayout.Vertical);
        s.setLegendBorderColor(Color.WHITE);
        s.setYAxisMin(0.0);
        s.setYAxisMax(100.0);
        s.setYAxisDecimalPattern("0");
        s.setAntiAlias(true);
    }

    /**
     * The title font: 16 pt bold, smaller (down to 10 pt) for a long title. XChart centres the title over
     * the plot, which the legend pushes left, so the room is about the plot's width plus its left margin
     * twice: estimated from the widest legend entry, as {@link GroupedBarChart#labelsCollide} does.
     */
    static Font titleFont(String title, List<String> legend) {
        double entry = legend.stream().mapToDouble(n -> textWidth(n, LEGEND_FONT)).max().orElse(0);
        double room = WIDTH - 150 - entry + 2 * 50;
        for (int size = 16; size > 10; size--) {
            Font f = new Font(Font.SANS_SERIF, Font.BOLD, size);
            if (textWidth(title, f) <= room) {
                return f;
            }
        }
        return new Font(Font.SANS_SERIF, Font.BOLD, 10);
    }

    /** The font of notes drawn on a chart ("no data", "no valid answers"). */
    static final Font NOTE_FONT = new Font(Font.SANS_SERIF, Font.ITALIC, 11);
    /** The colour of notes drawn on a chart. */
    static final Color NOTE_COLOR = new Color(0x555555);

    /** The font of axis tick labels. */
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    /** The font of legend entries. */
    static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    /** The width of {@code text} in {@code font}, in pixels, as the chart will draw it. */
    static double textWidth(String text, Font font) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = scratch.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            return font.getStringBounds(text, g.getFontRenderContext()).getWidth();
        } finally {
            g.dispose();
        }
    }

    /** Draws a 95% interval in near-black: a line from {@code yLow} to {@code yHigh} (screen units) with caps. */
    static void whisker(Graphics2D g, double x, double yLow, double yHigh, double capWidth) {
        whisker(g, x, yLow, yHigh, capWidth, WHISKER, 1.5f);
    }

    /** Draws a 95% interval in {@code color}, {@code strokeWidth} pixels wide. */
    static void whisker(Graphics2D g, double x, double yLow, double yHigh, double capWidth, Color color,
                        float strokeWidth) {
        g.setColor(color);
        g.setStroke(new BasicStroke(strokeWidth));
        g.draw(new Line2D.Double(x, yLow, x, yHigh));
        g.draw(new Line2D.Double(x - capWidth / 2, yLow, x + capWidth / 2, yLow));
        g.draw(new Line2D.Double(x - capWidth / 2, yHigh, x + capWidth / 2, yHigh));
    }

    /** Writes the chart as a PNG, owner-only, replacing {@code file} atomically. */
    static void writePng(Chart<?, ?> chart, Path file) throws IOException {
        PrivateFiles.replace(file, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            }
        });
    }
}
