package io.cncvision.cnc.mtconnect;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads at most {@code limitBytes}; one byte more fails with {@link DocumentTooLargeException}. */
final class SizeLimitedInputStream extends FilterInputStream {

    private final long limitBytes;
    private long read;

    SizeLimitedInputStream(InputStream in, long limitBytes) {
        super(in);
        this.limitBytes = limitBytes;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws DocumentTooLargeException {
        read += n;
        if (read > limitBytes) {
            throw new DocumentTooLargeException(limitBytes);
        }
    }
}
