package org.mhbench.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mhbench.generate.Backend;
import org.mhbench.generate.ChatMessage;
import org.mhbench.generate.ChatModel;
import org.mhbench.generate.ChatRequest;
import org.mhbench.generate.Completion;
import org.mhbench.generate.ModelConfig;
import org.mhbench.generate.ModelInfo;
import org.mhbench.generate.SamplingSettings;
import org.mhbench.util.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mhbench generate}: one completion, the smallest end-to-end check of a model. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate one reply with a local GGUF model (on the chosen --backend) and print it.",
                "The reply goes to stdout; token counts and speed to stderr."})
final class GenerateCommand implements Callable<Integer> {

    @Mixin
    ModelOptions model;

    @Option(names = {"-p", "--prompt"}, required = true, paramLabel = "TEXT", description = "The user message.")
    String prompt;

    @Option(names = {"-s", "--system"}, paramLabel = "TEXT", description = "A system message.")
    String system;

    @Option(names = "--seed", defaultValue = "0", description = "Sampler seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-n", "--max-tokens"}, defaultValue = "128", paramLabel = "N",
            description = "Most tokens to generate (default: ${DEFAULT-VALUE}).")
    int maxTokens;

    @Option(names = "--temperature", defaultValue = "0", paramLabel = "T",
            description = "Sampling temperature; 0 is greedy (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--stop", paramLabel = "TEXT", description = "A stop string; repeat for several.")
    List<String> stop = new ArrayList<>();

    @Option(names = "--request-timeout", defaultValue = "600", paramLabel = "SECONDS",
            description = "Longest time for the reply (default: ${DEFAULT-VALUE}).")
    long requestTimeout;

    @Option(names = "--show-prompt", description = "Also print the templated prompt (to stderr).")
    boolean showPrompt;

    @Option(names = "--json", description = "Print the completion as JSON (text, tokens, timings, model) instead.")
    boolean json;

    @ParentCommand
    Main root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (maxTokens < 1) {
            throw new UserError("--max-tokens must be 1 or more, got " + maxTokens);
        }
        if (!(temperature >= 0)) {
            throw new UserError("--temperature must be 0 or more, got " + temperature);
        }
        List<ModelConfig> configs = model.configs(TestModels.inDefaultCache());
        if (configs.size() != 1) {
            throw new UserError("generate takes exactly one --model");
        }
        List<ChatMessage> messages = new ArrayList<>();
        if (system != null) {
            messages.add(ChatMessage.system(system));
        }
        messages.add(ChatMessage.user(prompt));
        SamplingSettings sampling = new SamplingSettings(temperature, maxTokens, seed, stop, null);
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Backend backend = model.backend.backend(java.time.Duration.ofSeconds(requestTimeout),
                root != null && root.verbose, err);
        try (ChatModel m = backend.start(backend.withDefaults(configs.get(0)), null)) {
            if (showPrompt) {
                ModelInfo info = m.info();
                err.println("--- prompt (" + info.templateFamily() + " template, from " + templateOrigin(info)
                        + ", rendered by " + info.backend() + ") ---");
                if (info.templateFallback()) {
                    err.println("WARNING: llama.cpp did not understand " + templateOrigin(info) + " and fell back to "
                            + "ChatML: this is not the prompt the template describes");
                }
                err.println(m.render(messages));
                err.println("--- end of prompt ---");
            }
            Completion c = m.complete(new ChatRequest(messages, sampling));
            if (json) {
                out.println(Json.MAPPER.writeValueAsString(new GenerateResult(m.info().label(), m.info().sha256(),
                        m.info().templateFamily(), c)));
            } else {
                out.println(c.text());
                err.printf(Locale.ROOT, "[%s: %d prompt tokens in %.0f ms; %d tokens generated at %.1f tok/s; %s]%n",
                        m.info().label(), c.promptTokens(), c.promptMillis(), c.completionTokens(),
                        c.tokensPerSecond(), c.finishReason().name().toLowerCase(Locale.ROOT));
            }
        }
        out.flush();
        err.flush();
        return ExitCodes.OK;
    }

    /** Where the template in use came from, in words. */
    static String templateOrigin(ModelInfo info) {
        return switch (info.templateSource()) {
            case "override" -> "your --chat-template";
            case "gguf" -> "the model's own template";
            default -> "no template in the model";
        };
    }

    /** The {@code --json} output. */
    record GenerateResult(String model, String modelSha256, String template, Completion completion) {
    }
}
