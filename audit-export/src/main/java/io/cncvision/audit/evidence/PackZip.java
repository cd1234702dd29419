package io.cncvision.audit.evidence;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes a pack's files one after another into a zip, and keeps each file's SHA-256 and size for the manifest. */
final class PackZip implements AutoCloseable {

    private final ZipOutputStream zip;
    private final List<PackFile> files = new ArrayList<>();

    PackZip(OutputStream out) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    }

    /** A text file: write to it, then close it before opening the next. */
    Writer text(String path) throws IOException {
        return new OutputStreamWriter(file(path), StandardCharsets.UTF_8);
    }

    /** A file: write to it, then close it (which closes the zip entry, not the zip) before opening the next. */
    OutputStream file(String path) throws IOException {
        zip.putNextEntry(new ZipEntry(path));
        MessageDigest sha256 = sha256();
        return new FilterOutputStream(zip) {
            private long size;
            private boolean closed;

            @Override
            public void write(int b) throws IOException {
                zip.write(b);
                sha256.update((byte) b);
                size++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                zip.write(b, off, len);
                sha256.update(b, off, len);
                size += len;
            }

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    zip.closeEntry();
                    files.add(new PackFile(path, HexFormat.of().formatHex(sha256.digest()), size));
                }
            }
        };
    }

    /** A file that the manifest does not list (the manifest itself and its signature). */
    void unlisted(String path, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(path));
        zip.write(content);
        zip.closeEntry();
    }

    List<PackFile> files() {
        return List.copyOf(files);
    }

    @Override
    public void close() throws IOException {
        zip.finish();
        zip.flush();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }
}
