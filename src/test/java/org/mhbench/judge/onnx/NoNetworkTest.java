package org.mhbench.judge.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The judge opens no network connection. DJL's tokenizer binding, left alone, calls home on first use
 * (HTTP to the EC2 metadata address, then to DJL's telemetry bucket); the control run shows the probe
 * sees that, and the judge run shows {@link DjlOffline} stops it. Each run is a fresh JVM, because the
 * URL handler factory can be set once per JVM and DJL calls home once per JVM.
 */
class NoNetworkTest {

    private static String probe(String mode) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dmhbench.home=" + System.getProperty("user.dir"), NetworkProbe.class.getName(), mode)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "probe timed out");
        assertEquals(0, p.exitValue(), out);
        List<String> lines = out.lines().filter(l -> l.startsWith("attempts=")).toList();
        assertEquals(1, lines.size(), out);
        return lines.get(0);
    }

    @Test
    void theJudgeMakesNoConnectionAttempt() throws Exception {
        assertTrue(probe("judge").startsWith("attempts=0 "), "the judge tried the network");
    }

    @Test
    void controlTheProbeSeesDjlCallingHomeWithoutTheOfflineSwitch() throws Exception {
        String r = probe("raw");
        assertTrue(r.contains("169.254.169.254"), "expected DJL's EC2 metadata request to be caught: " + r);
    }
}
