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
}
