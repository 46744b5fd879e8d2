package org.mhbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mhbench.gguf.GgufReader;
import org.mhbench.gguf.ModelSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mhbench models}: what a GGUF file holds, read by our own header reader. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = {"Print a GGUF model's metadata: architecture, parameters, quantization, context length, "
                + "chat template.",
                "Read by mhbench's own GGUF reader, which rejects a damaged file before llama.cpp sees it."})
final class ModelsCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE.gguf", description = "One or more GGUF files.")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
        var out = spec.commandLine().getOut();
        boolean first = true;
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new UserError("no such file: " + f);
            }
            if (!first) {
                out.println();
            }
            first = false;
            out.println(f);
            for (String line : ModelSummary.of(GgufReader.read(f)).describe()) {
                out.println("  " + line);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
