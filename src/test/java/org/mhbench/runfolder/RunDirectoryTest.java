package org.mhbench.runfolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {

    @TempDir
    Path tmp;

    static Manifest manifest() {
        return new Manifest(Manifest.FORMAT, "0.1", "deadbeef", "stigma", List.of("run"), Instant.EPOCH, null,
                "running", HostInfo.current(), Map.of("name", "de.kherud:llama"), List.of(), Map.of(),
                RunParameters.builder().backend("llama.cpp-jni").runId("r1").build(), List.of(), null);
    }

    @Test
    void manifestRoundTripsAndIsRewrittenAtomically() throws IOException {
        RunDirectory dir = RunDirectory.create(tmp.resolve("r"));
        assertFalse(dir.hasManifest());
        Manifest m = manifest();
        dir.writeManifest(m);
        Manifest done = m.withFailure("bad-model", "LOAD_FAILED: nope").finished("failed", Instant.EPOCH);
        dir.writeManifest(done);
        Manifest back = RunDirectory.open(dir.root()).readManifest().orElseThrow();
        assertEquals(done.status(), back.status());
        assertEquals(Map.of("bad-model", "LOAD_FAILED: nope"), back.failures());
        assertEquals(done.host(), back.host());
        assertFalse(Files.exists(dir.root().resolve("manifest.json.tmp")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.manifestFile())));
    }

    @Test
    void openRefusesAFolderWithoutManifest() throws IOException {
        Files.createDirectories(tmp.resolve("x"));
        IOException e = assertThrows(IOException.class, () -> RunDirectory.open(tmp.resolve("x")));
        assertTrue(e.getMessage().contains("not a run folder"));
    }

    @Test
    void recordKeyIsStableAndValidated() {
        RecordKey k = new RecordKey("0123456789abcdef0123", "steel-man", "dpr-w-m/q08", 2);
        assertEquals("0123456789abcdef:steel-man:dpr-w-m/q08:2", k.id());
        assertThrows(IllegalArgumentException.class, () -> new RecordKey("a", "has space", "s", 0));
        assertThrows(IllegalArgumentException.class, () -> new RecordKey("a", "x", "s:colon", 0));
        assertThrows(IllegalArgumentException.class, () -> new RecordKey("a", "x", "s", -1));
    }

    @Test
    void hostInfoIsFilledOnLinux() {
        HostInfo h = HostInfo.current();
        assertTrue(h.cores() >= 1);
        assertFalse(h.arch().isBlank());
    }
}
