package org.mhbench.generate;

/**
 * How llama.cpp applies a chat template.
 *
 * <p>{@link #JINJA} runs the template itself (llama.cpp's minja engine), which is what Hugging Face
 * and vLLM do and so what the paper's local runs did. {@link #BUILTIN} lets llama.cpp recognise the
 * template by its markers and use its own hand-written formatter; unknown templates then fall back
 * to ChatML, which mhbench detects and records.
 */
public enum TemplateEngine {
    JINJA, BUILTIN
}
