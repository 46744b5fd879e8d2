package org.mhbench.testmodel;

/** The chat template written into test models. */
public final class TestChatTemplate {

    /**
     * ChatML as a Jinja template. llama.cpp's built-in detection recognises it by {@code <|im_start|>};
     * its Jinja engine (minja) renders it as written.
     */
    public static final String CHATML = "{% for message in messages %}"
            + "{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}"
            + "{% endfor %}"
            + "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

    private TestChatTemplate() {
    }
}
