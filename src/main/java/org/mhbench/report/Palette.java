package org.mhbench.report;

import java.awt.Color;
import java.util.List;
import java.util.Locale;

/** The colours of every report chart (PNG and HTML alike), so a model has the same colour everywhere. */
public final class Palette {

    /** Model colours: the Okabe–Ito palette (distinguishable with common colour-vision deficiencies). */
    public static final List<Color> MODEL = List.of(new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xD55E00), new Color(0x8C6D1F), new Color(0x6A3D9A));

    /** Colours of reference series (survey baselines, hand-collected replies): greys, so they read as "not a model". */
    public static final List<Color> REFERENCE = List.of(new Color(0x7F7F7F), new Color(0xBDBDBD),
            new Color(0x4D4D4D));

    private Palette() {
    }

    /** The colour of the i-th model (cycling). */
    public static Color model(int i) {
        return MODEL.get(Math.floorMod(i, MODEL.size()));
    }

    /** The colour of the i-th reference series (cycling). */
    public static Color reference(int i) {
        return REFERENCE.get(Math.floorMod(i, REFERENCE.size()));
    }

    /** {@code #0072b2}. */
    public static String hex(Color c) {
        return String.format(Locale.ROOT, "#%06x", c.getRGB() & 0xFFFFFF);
    }
}
