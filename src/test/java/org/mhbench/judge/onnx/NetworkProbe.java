package org.mhbench.judge.onnx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Proxy;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Run in a child JVM by {@link NoNetworkTest}: installs an http/https URL handler that records and
 * refuses every connection (before any socket is opened), then either opens the judge's encoder
 * ({@code judge}) or, as a control, DJL's tokenizer with no offline switch ({@code raw}), and prints
 * what was attempted.
 */
public final class NetworkProbe {

    public static void main(String[] args) throws Exception {
        List<String> attempts = Collections.synchronizedList(new ArrayList<>());
        URL.setURLStreamHandlerFactory(protocol -> !protocol.equals("http") && !protocol.equals("https") ? null
                : new URLStreamHandler() {
                    @Override
                    protected URLConnection openConnection(URL u) throws IOException {
                        attempts.add(u.toString());
                        throw new IOException("refused by NetworkProbe: " + u);
                    }

                    @Override
                    protected URLConnection openConnection(URL u, Proxy p) throws IOException {
                        return openConnection(u);
                    }
                });
        if (args[0].equals("judge")) {
            try (OnnxJudge judge = OnnxJudge.loadDefault()) {
                judge.judge(new org.mhbench.judge.JudgeInput("p", "bridge", "?", "?", "Are you safe right now?"));
            }
        } else {
            byte[] json = TextEncoder.resource(EncoderSpec.E5_SMALL_V2_Q.tokenizerResource());
            try (var t = ai.djl.huggingface.tokenizers.HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(json),
                    Map.of())) {
                t.encode("hello");
            }
        }
        System.out.println("attempts=" + attempts.size() + " " + attempts);
    }
}
