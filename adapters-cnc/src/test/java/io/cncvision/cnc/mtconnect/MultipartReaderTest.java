package io.cncvision.cnc.mtconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MultipartReaderTest {

    private static MultipartReader reader(String stream, long max) {
        return new MultipartReader(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)), "b1", max);
    }

    private static String text(byte[] part) {
        return new String(part, StandardCharsets.UTF_8);
    }

    @Test
    void findsTheBoundaryOfTheContentType() {
        assertThat(MultipartReader.boundary("multipart/x-mixed-replace;boundary=a8e12eced4fb871ac096a99bf9728425")).isEqualTo(
                "a8e12eced4fb871ac096a99bf9728425");
        assertThat(MultipartReader.boundary("multipart/x-mixed-replace; boundary=\"q\"")).isEqualTo("q");
        assertThat(MultipartReader.boundary("text/xml")).isNull();
    }

    @Test
    void readsPartsByTheirLengthAndWithout() throws Exception {
        MultipartReader parts = reader("\r\n--b1\r\nContent-type: text/xml\r\nContent-length: 5\r\n\r\n<a/>\n\r\n"
                + "--b1\r\nContent-type: text/xml\r\n\r\n<b>\r\n</b>\r\n--b1\r\nContent-length: 4\r\n\r\n<c/>\r\n--b1--\r\n", 1000);
        assertThat(text(parts.next())).isEqualTo("<a/>\n");
        assertThat(text(parts.next())).isEqualTo("<b>\r\n</b>\r\n");
        assertThat(text(parts.next())).isEqualTo("<c/>");
        assertThat(parts.next()).isNull();
    }

    @Test
    void aPartCutOffFailsSayingHowMuchArrived() {
        MultipartReader parts = reader("--b1\r\nContent-length: 100\r\n\r\n<MTConnectStreams>", 1000);
        assertThatThrownBy(parts::next).isInstanceOf(EOFException.class).hasMessageContaining("cut off after 18 of 100 bytes");
    }

    @Test
    void aPartOverTheLimitIsRefusedBeforeItIsRead() {
        assertThatThrownBy(reader("--b1\r\nContent-length: 5000\r\n\r\n", 1000)::next).isInstanceOf(DocumentTooLargeException.class);
    }

    @Test
    void somethingElseThanABoundaryIsAnError() {
        assertThatThrownBy(reader("HTTP/1.1 200 OK\r\n", 1000)::next).hasMessageContaining("expected boundary --b1");
    }
}
