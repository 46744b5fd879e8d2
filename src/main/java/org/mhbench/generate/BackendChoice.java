package org.mhbench.generate;

/** The {@code --backend} option. */
public enum BackendChoice {
    /** llama-server when one is found, the in-process binding otherwise */
    AUTO,
    /** the in-process llama.cpp binding (de.kherud:llama), one worker JVM per model */
    JNI,
    /** a llama-server child process per model */
    SERVER
}
