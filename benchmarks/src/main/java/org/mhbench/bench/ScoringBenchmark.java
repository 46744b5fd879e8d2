package org.mhbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mhbench.runfolder.ResponseLog;
import org.mhbench.runfolder.ResponseRecord;
import org.mhbench.score.ScoreResult;
import org.mhbench.score.stigma.StigmaScoreOptions;
import org.mhbench.score.stigma.StigmaScorer;
import org.mhbench.stigma.StigmaStimuli;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The scoring loop: parsing, coding, aggregation, bootstrap intervals and Welch tests over a
 * whole stigma run. Input: a run folder made by {@code mhbench import-paper} from the paper's
 * released data (12,096 records, 12 model × setting runs), given as {@code -Dmhbench.bench.run=DIR}.
 *
 * <p>Baseline: {@link #readOnly()} measures reading and decoding responses.jsonl alone, so that the
 * cost of scoring proper is the difference.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ScoringBenchmark {

    private Path responses;
    private List<ResponseRecord> records;
    private StigmaScorer scorer;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        String dir = System.getProperty("mhbench.bench.run");
        if (dir == null || !Files.isRegularFile(Path.of(dir, "responses.jsonl"))) {
            throw new IllegalStateException("give -Dmhbench.bench.run=RUN_DIR, a folder made by "
                    + "'mhbench import-paper --from ../shared/paper --out RUN_DIR'");
        }
        responses = Path.of(dir, "responses.jsonl");
        records = ResponseLog.read(responses);
        scorer = new StigmaScorer(StigmaStimuli.loadDefault(), StigmaScoreOptions.defaults());
    }

    @Benchmark
    public List<ResponseRecord> readOnly() throws IOException {
        return ResponseLog.read(responses);
    }

    @Benchmark
    public ScoreResult scoreStigmaRun() {
        return scorer.score(records);
    }
}
