package org.mhbench.judge.onnx;

import org.mhbench.util.NativeCache;

/**
 * Keeps DJL's tokenizer binding off the network. Without this, {@code HuggingFaceTokenizer.newInstance}
 * calls DJL's usage telemetry ({@code Ec2Utils.callHome}: an HTTP request to the EC2 metadata address
 * and then to a DJL S3 bucket), and on a machine with CUDA the native-library loader picks a GPU flavour
 * that is not in the jar and tries to download it from publish.djl.ai. DJL's offline mode
 * ({@code ai.djl.offline=true}) turns both off: telemetry returns at once, the loader uses the CPU
 * library bundled in the tokenizers jar, and any download attempt fails instead of connecting.
 * {@code OPT_OUT_TRACKING=true} is DJL's separate telemetry switch, set as well in case a later DJL
 * version checks only that one.
 */
public final class DjlOffline {

    /** DJL's offline switch (read by {@code ai.djl.util.Utils.isOfflineMode}). */
    public static final String OFFLINE = "ai.djl.offline";
    /** DJL's telemetry opt-out (read by {@code ai.djl.util.Ec2Utils.callHome}). */
    public static final String OPT_OUT_TRACKING = "OPT_OUT_TRACKING";

    private DjlOffline() {
    }

    /**
     * Sets both switches, and keeps the native libraries DJL and JNA unpack under mhbench's cache folder
     * ({@link NativeCache}). Call before the first use of any DJL class; cheap and idempotent.
     */
    public static void ensure() {
        System.setProperty(OFFLINE, "true");
        System.setProperty(OPT_OUT_TRACKING, "true");
        NativeCache.configure();
    }
}
