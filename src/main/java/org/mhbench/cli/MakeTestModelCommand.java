package org.mhbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mhbench.gguf.GgufReader;
import org.mhbench.gguf.ModelSummary;
import org.mhbench.testmodel.TestModelSize;
import org.mhbench.testmodel.TestModelWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mhbench make-test-model}: writes a llama- (or qwen3-) architecture GGUF with random weights. */
@Command(name = "make-test-model", mixinStandardHelpOptions = true,
        description = {"Write a llama-architecture GGUF with random weights, a small SentencePiece-style "
                + "vocabulary and a ChatML template.",
                "For tests and throughput work only: random weights check the machinery, never quality."})
final class MakeTestModelCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "FILE.gguf", description = "Where to write the model.")
    Path out;

    @Option(names = "--size", defaultValue = "tiny", paramLabel = "SIZE",
            description = "tiny (a few M parameters, for tests), small, or medium (100–300 M, Q8_0, for "
                    + "throughput). Default: ${DEFAULT-VALUE}.")
    TestModelSize size;

    @Option(names = "--seed", defaultValue = "42", description = "Weight seed; same seed, same file. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--arch", defaultValue = "llama", paramLabel = "ARCH",
            description = "llama, or qwen3 (the same network with query/key norms: an architecture newer than the "
                    + "in-process backend's llama.cpp, for the server backend). Default: ${DEFAULT-VALUE}.")
    String arch;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        TestModelWriter.Architecture a = switch (arch.toLowerCase(java.util.Locale.ROOT)) {
            case "llama" -> TestModelWriter.Architecture.LLAMA;
            case "qwen3" -> TestModelWriter.Architecture.QWEN3;
            default -> throw new UserError("--arch must be llama or qwen3, got '" + arch + "'");
        };
        TestModelWriter.write(out, size, seed, a);
        double secs = (System.nanoTime() - t0) / 1e9;
        var out = spec.commandLine().getOut();
        out.printf("wrote %s in %.1f s%n", this.out, secs);
        for (String line : ModelSummary.of(GgufReader.read(this.out)).describe()) {
            out.println("  " + line);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
