package org.mhbench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mhbench.bench.Bench;
import org.mhbench.bench.BenchRow;
import org.mhbench.experiments.Experiments;
import org.mhbench.generate.Backend;
import org.mhbench.judge.Judge;
import org.mhbench.judge.Judges;
import org.mhbench.responses.ResponsesExperiment;
import org.mhbench.responses.ResponsesSettings;
import org.mhbench.stigma.StigmaExperiment;
import org.mhbench.stigma.StigmaSettings;
import org.mhbench.stimuli.Prompt;
import org.mhbench.stimuli.SystemPrompt;
import org.mhbench.util.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mhbench bench}: speed of a model on a backend, in llama-bench's terms, and of mhbench's own loops. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure a model on a backend: prompt processing (pp) and generation (tg) tokens/s as "
                + "llama-bench reports them (mean ± sd after a warm-up), aggregate generation with parallel slots, "
                + "stigma and responses items/s on the real prompt mix, and judge verdicts/s.",
                "Random-weight test models measure speed only. Measure on a quiet machine."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "FILE.gguf", description = "The model.")
    Path model;

    @Mixin
    BackendOptions backend;

    @Option(names = {"-t", "--threads"}, split = ",", paramLabel = "N[,N…]", defaultValue = "1",
            description = "Thread counts (default: ${DEFAULT-VALUE}).")
    List<Integer> threads;

    @Option(names = {"-p", "--n-prompt"}, defaultValue = "512", paramLabel = "N",
            description = "Prompt tokens of the pp test (default: ${DEFAULT-VALUE}).")
    int nPrompt;

    @Option(names = {"-n", "--n-gen"}, defaultValue = "128", paramLabel = "N",
            description = "Generated tokens of the tg test (default: ${DEFAULT-VALUE}).")
    int nGen;

    @Option(names = {"-r", "--repetitions"}, defaultValue = "5", paramLabel = "N",
            description = "Measured repetitions after one warm-up (default: ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(names = "--parallel", split = ",", paramLabel = "N[,N…]",
            description = "Slot counts for the aggregate generation test, e.g. 1,2,4,8 (default: none).")
    List<Integer> parallel = new ArrayList<>();

    @Option(names = "--items", defaultValue = "30", paramLabel = "N",
            description = "Stigma and responses items to time, the first N of each (0: none; default: "
                    + "${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--judge", paramLabel = "onnx|llm:FILE.gguf",
            description = "Also time this judge on the responses replies (default: none).")
    String judge;

    @Option(names = {"-o", "--output"}, defaultValue = "md", paramLabel = "md|csv|json",
            description = "Output format (default: ${DEFAULT-VALUE}); json is one object per line, as llama-bench's jsonl.")
    String output;

    @ParentCommand
    Main root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(model)) {
            throw new UserError("model file not found: " + model);
        }
        if (!List.of("md", "csv", "json").contains(output)) {
            throw new UserError("-o must be md, csv or json");
        }
        if (threads.stream().anyMatch(t -> t < 1) || parallel.stream().anyMatch(p -> p < 1) || items < 0
                || nPrompt < 1 || nGen < 2 || repetitions < 1) {
            throw new UserError("threads and parallel slots 1 or more, --n-prompt 1 or more, --n-gen 2 or more, "
                    + "--repetitions 1 or more, --items 0 or more");
        }
        Backend b = backend.backend(Duration.ofMinutes(30), root != null && root.verbose, err);
        Path stimuli = Experiments.root(null);
        List<SystemPrompt> none = List.of(SystemPrompt.none());
        List<Prompt> stigma = first(new StigmaExperiment(Experiments.STIGMA.stimuli(stimuli),
                StigmaSettings.paper(none)).prompts(), items);
        List<Prompt> responses = first(new ResponsesExperiment(Experiments.RESPONSES.stimuli(stimuli),
                ResponsesSettings.paper(none)).prompts(), items);
        Bench.Plan plan = new Bench.Plan(model, threads, nPrompt, nGen, repetitions, parallel, stigma, responses);
        List<BenchRow> rows;
        Judge j = judge == null ? null : Judges.open(judge, org.mhbench.run.RunStages.setup(
                Experiments.RESPONSES.stimuli(stimuli), () -> b, null, 0, 0, 0, 0));
        try {
            rows = new Bench(b, line -> {
                err.println(line);
                err.flush();
            }).run(plan, j);
        } finally {
            if (j != null) {
                j.close();
            }
        }
        print(rows, out);
        return ExitCodes.OK;
    }

    private static List<Prompt> first(List<Prompt> all, int n) {
        return all.subList(0, Math.min(n, all.size()));
    }

    private void print(List<BenchRow> rows, PrintWriter out) throws Exception {
        switch (output) {
            case "json" -> {
                for (BenchRow r : rows) {
                    out.println(Json.MAPPER.writeValueAsString(r));
                }
            }
            case "csv" -> {
                out.println(String.join(",", BenchRow.COLUMNS));
                for (BenchRow r : rows) {
                    out.printf(Locale.ROOT, "%s,%s,%d,%d,%s,%.3f,%.3f%n", r.modelType(), r.backend(), r.nThreads(),
                            r.nParallel(), r.test(), r.avgTs(), r.stddevTs());
                }
            }
            default -> {
                out.println("| model | backend | threads | parallel | test | t/s |");
                out.println("|---|---|--:|--:|---|--:|");
                for (BenchRow r : rows) {
                    out.printf(Locale.ROOT, "| %s | %s | %d | %d | %s | %.2f ± %.2f |%n", r.modelType(), r.backend(),
                            r.nThreads(), r.nParallel(), r.test(), r.avgTs(), r.stddevTs());
                }
            }
        }
        out.flush();
    }
}
