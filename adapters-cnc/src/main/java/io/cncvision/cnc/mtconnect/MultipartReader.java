package io.cncvision.cnc.mtconnect;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads the parts of a {@code multipart/x-mixed-replace} stream, as an MTConnect agent streams
 * {@code /sample?interval=}: each part a boundary line, headers, a blank line, then the document. A part
 * with {@code Content-length} is read to that length; one without, up to the next boundary. A part cut
 * off mid-way fails with an {@link EOFException} saying how much arrived: nothing of it is returned.
 */
final class MultipartReader {

    private final InputStream in;
    private final String boundary;
    private final long maxPartBytes;
    private byte[] pending;

    MultipartReader(InputStream in, String boundary, long maxPartBytes) {
        this.in = in;
        this.boundary = "--" + boundary;
        this.maxPartBytes = maxPartBytes;
    }

    /** The boundary of a {@code multipart/x-mixed-replace;boundary=...} content type; null when it has none. */
    static String boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String trimmed = parameter.trim();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String value = trimmed.substring(9).trim();
                return value.startsWith("\"") && value.endsWith("\"") && value.length() > 1
                        ? value.substring(1, value.length() - 1) : value;
            }
        }
        return null;
    }

    /** The next part's body; null when the stream ended cleanly between parts. */
    byte[] next() throws IOException {
        String line;
        do {
            line = pending != null ? new String(pending, StandardCharsets.US_ASCII) : line(true);
            pending = null;
            if (line == null) {
                return null;
            }
        } while (line.isEmpty());
        if (line.startsWith(boundary + "--")) {
            return null;
        }
        if (!line.startsWith(boundary)) {
            throw new IOException("multipart stream: expected boundary " + boundary + ", got '" + abbreviate(line) + "'");
        }
        long length = -1;
        while (true) {
            String header = line(false);
            if (header.isEmpty()) {
                break;
            }
            int colon = header.indexOf(':');
            if (colon > 0 && header.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
                try {
                    length = Long.parseLong(header.substring(colon + 1).trim());
                } catch (NumberFormatException e) {
                    throw new IOException("multipart stream: Content-length '" + header + "' is not a number");
                }
            }
        }
        if (length > maxPartBytes) {
            throw new DocumentTooLargeException(maxPartBytes);
        }
        return length >= 0 ? exactly((int) length) : untilBoundary();
    }

    private byte[] exactly(int length) throws IOException {
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new EOFException("multipart stream: chunk cut off after " + body.length + " of " + length + " bytes");
        }
        return body;
    }

    // A part without a length: everything up to the line that starts with the boundary.
    private byte[] untilBoundary() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            byte[] line = rawLine();
            if (line == null) {
                throw new EOFException("multipart stream: chunk cut off after " + body.size() + " bytes, before its boundary");
            }
            String text = new String(line, StandardCharsets.US_ASCII).stripTrailing();
            if (text.startsWith(boundary)) {
                pending = text.getBytes(StandardCharsets.US_ASCII);
                return body.toByteArray();
            }
            body.write(line);
            if (body.size() > maxPartBytes) {
                throw new DocumentTooLargeException(maxPartBytes);
            }
        }
    }

    private String line(boolean endAllowed) throws IOException {
        byte[] line = rawLine();
        if (line == null) {
            if (endAllowed) {
                return null;
            }
            throw new EOFException("multipart stream: cut off in a part's headers");
        }
        return new String(line, StandardCharsets.US_ASCII).strip();
    }

    // One line with its terminator; null at the end of the stream. Lines are bounded: headers are short.
    private byte[] rawLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) >= 0) {
            line.write(b);
            if (b == '\n') {
                return line.toByteArray();
            }
            if (line.size() > maxPartBytes) {
                throw new DocumentTooLargeException(maxPartBytes);
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }

    private static String abbreviate(String line) {
        return line.length() > 80 ? line.substring(0, 80) + "..." : line;
    }
}
