package org.mhbench.util;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates files and folders readable by their owner only: run outputs can hold sensitive clinical
 * text. On file systems without POSIX permissions the platform default applies.
 */
public final class PrivateFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** Creates the folder (and missing parents) owner-only; tightens an existing folder's permissions. */
    public static Path directory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            if (POSIX) {
                Files.setPosixFilePermissions(dir, DIR);
            }
            return dir;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null && !Files.exists(parent)) {
            Files.createDirectories(parent);
        }
        return POSIX ? Files.createDirectory(dir, attrs(DIR)) : Files.createDirectory(dir);
    }

    /** Creates the file empty and owner-only if it is missing; tightens permissions otherwise. */
    public static Path file(Path file) throws IOException {
        if (Files.exists(file)) {
            if (POSIX) {
                Files.setPosixFilePermissions(file, FILE);
            }
            return file;
        }
        return POSIX ? Files.createFile(file, attrs(FILE)) : Files.createFile(file);
    }

    /** Writes a file's content to the path it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path file) throws IOException;
    }

    /**
     * Replaces {@code file} with what {@code content} writes, owner-only and all at once: the content
     * goes to a private {@code .tmp} sibling first, which is then renamed over {@code file} (atomically
     * where the file system can), so a reader never sees a half-written file.
     */
    public static void replace(Path file, Content content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        file(tmp);
        content.writeTo(tmp);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> attrs(Set<PosixFilePermission> perms) {
        return PosixFilePermissions.asFileAttribute(perms);
    }
}
