package org.mhbench.generate;

/**
 * What was actually loaded, for the run manifest.
 *
 * @param label            name used in outputs
 * @param path             absolute path of the GGUF file; {@code null} for imported results
 * @param sha256           hex SHA-256 of the file
 * @param fileBytes        file size
 * @param architecture     {@code general.architecture}
 * @param modelName        {@code general.name}, or empty
 * @param parameters       parameter count (sum of tensor elements)
 * @param quantization     dominant tensor type, e.g. Q8_0
 * @param trainedContext   context length the model was trained for
 * @param contextSize      context window allocated (all slots together)
 * @param parallelSlots    concurrent slots
 * @param threads          generation threads
 * @param gpuLayers        layers offloaded to a GPU
 * @param templateSource   where the chat template came from: {@code gguf}, {@code override} or {@code none}
 * @param templateEngine   jinja or builtin
 * @param templateFamily   what the rendered probe conversation looks like (chatml, llama3, llama2, …)
 * @param templateFallback true when llama.cpp did not understand the template and fell back to ChatML
 * @param backend          backend id, e.g. {@code llama.cpp-jni}
 * @param bindingVersion   de.kherud:llama version; {@code null} for imported results
 * @param loadMillis       time to load the model, ms
 */
public record ModelInfo(String label, String path, String sha256, long fileBytes, String architecture, String modelName,
                        long parameters, String quantization, long trainedContext, int contextSize, int parallelSlots,
                        int threads, int gpuLayers, String templateSource, String templateEngine, String templateFamily,
                        boolean templateFallback, String backend, String bindingVersion, double loadMillis) {

    /**
     * A model whose replies were brought in rather than generated here (the paper's released results,
     * hand-collected replies), or one served by an endpoint: no file, nothing loaded, only a name and an
     * identity.
     *
     * @param label  name in outputs
     * @param name   the model's own name, e.g. the paper's model id
     * @param sha256 its identity in record keys
     * @param source where it came from, recorded as the backend, e.g. {@code imported:moore2025}
     */
    public static ModelInfo notLoaded(String label, String name, String sha256, String source) {
        return new ModelInfo(label, null, sha256, 0, "unknown", name, 0, "unknown", 0, 0, 0, 0, 0, "none", "none",
                "unknown", false, source, null, 0);
    }
}
