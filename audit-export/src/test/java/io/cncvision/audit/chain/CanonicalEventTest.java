package io.cncvision.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CanonicalEventTest {

    private static CanonicalEvent event(String aggregateType, String revision, String payload) {
        return new CanonicalEvent(7, "e-1", aggregateType, "mill-01", 3, "io.cncvision.api.MachineRegistered",
                revision, "2026-11-25T10:00:00Z", payload.getBytes(StandardCharsets.UTF_8), null);
    }

    @Test
    void encodesTheSameRowAlike() {
        assertThat(event("Machine", "1", "{}").encode()).isEqualTo(event("Machine", "1", "{}").encode());
    }

    @Test
    void tellsAnAbsentFieldFromAnEmptyOne() {
        assertThat(event(null, "1", "{}").encode()).isNotEqualTo(event("", "1", "{}").encode());
    }

    @Test
    void bytesMovedFromOneFieldToTheNextChangeTheEncoding() {
        assertThat(event("Machine", "1", "{}").encode()).isNotEqualTo(event("Machin", "e1", "{}").encode());
    }

    @Test
    void leavesTheGlobalIndexToTheChain() {
        CanonicalEvent moved = new CanonicalEvent(8, "e-1", "Machine", "mill-01", 3,
                "io.cncvision.api.MachineRegistered", "1", "2026-11-25T10:00:00Z", "{}".getBytes(StandardCharsets.UTF_8),
                null);

        assertThat(moved.encode()).isEqualTo(event("Machine", "1", "{}").encode());
        assertThat(moved.shortType()).isEqualTo("MachineRegistered");
    }
}
