package org.mhbench.cli;

import org.mhbench.Version;
import org.mhbench.util.NativeCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine;

/** The {@code mhbench} command: a root that only dispatches to its subcommands. */
@Command(name = "mhbench",
        versionProvider = Main.VersionProvider.class,
        mixinStandardHelpOptions = true,
        description = {
                "Offline benchmark: is an open-weight LLM safe in a therapist's seat?",
                "Reproduces and extends Moore et al., FAccT 2025. Nothing leaves this machine."},
        subcommands = {
                RunCommand.class,
                ScoreCommand.class,
                ReportCommand.class,
                JudgeCommand.class,
                GenerateCommand.class,
                BenchCommand.class,
                MergeCommand.class,
                ReviewCommand.class,
                ModelsCommand.class,
                MakeTestModelCommand.class,
                ImportPaperCommand.class,
                TrainJudgeCommand.class,
                ValidateJudgeCommand.class,
                ExportLabelsCommand.class,
                ImportResponsesCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
                "0:success",
                "1:a check or run failed, or an internal error (a bug: please report it)",
                "2:bad usage or bad input"})
public final class Main implements Runnable {

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print stack traces and llama.cpp's own log.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit status (no {@code System.exit}), for tests. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The configured picocli command line. */
    public static CommandLine commandLine() {
        NativeCache.configure();
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpAutoWidth(true);
        return cl;
    }

    static boolean verbose(ParseResult parsed) {
        ParseResult root = parsed;
        while (root != null) {
            if (root.hasMatchedOption("--verbose")) {
                return true;
            }
            root = root.hasSubcommand() ? root.subcommand() : null;
        }
        return false;
    }

    /** {@code --version}: mhbench, the in-process binding, the llama-server --backend auto would use, Java. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String server;
            try {
                server = org.mhbench.generate.server.LlamaServerBinary.locate(null)
                        .map(b -> "llama-server " + b.version() + " (" + b.path() + ", via " + b.origin() + ")")
                        .orElse("llama-server: none found (scripts/build-llama.sh builds one)");
            } catch (IllegalArgumentException e) {
                server = "llama-server: " + e.getMessage();
            }
            return new String[] {
                    "mhbench " + Version.mhbench(),
                    "de.kherud:llama " + Version.bindingVersion() + " (llama.cpp b4916, CPU/AVX2 native library)",
                    server,
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
