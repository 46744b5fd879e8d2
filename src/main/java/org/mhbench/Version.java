package org.mhbench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Build facts: mhbench's version and the llama.cpp binding it was built against. */
public final class Version {

    private static final Properties PROPS = load();

    private Version() {
    }

    public static String mhbench() {
        return PROPS.getProperty("version", "unknown");
    }

    /** The de.kherud:llama version (which bundles llama.cpp build b4916 for 4.2.0). */
    public static String bindingVersion() {
        return PROPS.getProperty("llama.binding.version", "unknown");
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
