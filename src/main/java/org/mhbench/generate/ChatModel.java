package org.mhbench.generate;

/**
 * A loaded chat model: messages in, completion out. Implementations hold native or process
 * resources and must be closed.
 *
 * <p>Implementations may be called from several threads when {@link ModelConfig#parallelSlots()}
 * is greater than one; otherwise callers serialise requests.
 */
public interface ChatModel extends AutoCloseable {

    /** What was loaded: file, hash, template in use, binding version. */
    ModelInfo info();

    /**
     * Generates the next assistant turn.
     *
     * @throws GenerationException when this request cannot be served (e.g. the prompt does not fit
     *                             the context window); the model stays usable unless
     *                             {@link GenerationException#fatal()} is true
     */
    Completion complete(ChatRequest request) throws GenerationException;

    /**
     * Whether {@link #complete} honours {@link ChatRequest#topLogprobs()}; a model that does not refuses
     * such a request.
     */
    default boolean reportsLogprobs() {
        return false;
    }

    /** Renders the messages with the model's chat template, exactly as {@link #complete} would. */
    String render(java.util.List<ChatMessage> messages) throws GenerationException;

    @Override
    void close();
}
