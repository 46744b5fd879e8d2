package org.mhbench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mhbench.gguf.GgufFormatException;
import org.mhbench.gguf.GgufReader;
import org.mhbench.gguf.ModelSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        int bad = 0;
        boolean first = true;
        for (Path f : files) {
            List<String> lines;
            try {
                if (!Files.isRegularFile(f)) {
                    throw new UserError(ModelFiles.notAFile(f));
                }
                lines = ModelSummary.of(GgufReader.read(f)).describe();
            } catch (UserError | GgufFormatException | IOException | UncheckedIOException e) {
                // one line per bad file, then on to the next: a folder of models is worth reading to the end
                bad++;
                err.println("mhbench models: " + ErrorHandler.messageOf(e));
                err.flush();
                continue;
            }
            if (!first) {
                out.println();
            }
            first = false;
            out.println(f);
            for (String line : lines) {
                out.println("  " + line);
            }
            out.flush();
        }
        out.flush();
        if (bad > 0 && files.size() > 1) {
            err.println("mhbench models: " + bad + " of " + files.size() + " files could not be read");
            err.flush();
        }
        return bad == 0 ? ExitCodes.OK : ExitCodes.USAGE;
    }
}
