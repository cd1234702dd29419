package io.cncvision.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncvision.api.value.SourceMessageId;
import org.junit.jupiter.api.Test;

class RecentMessageIdsTest {

    private final RecentMessageIds recent = new RecentMessageIds();

    private static SourceMessageId id(int n) {
        return SourceMessageId.of("frame/" + n);
    }

    @Test
    void aRememberedIdIsARepeat() {
        recent.remember(id(1));

        assertThat(recent.contains(id(1))).isTrue();
        assertThat(recent.contains(id(2))).isFalse();
    }

    @Test
    void aMissingIdIsNeverARepeat() {
        recent.remember(null);

        assertThat(recent.contains(null)).isFalse();
        assertThat(recent.size()).isZero();
    }

    @Test
    void forgetsTheOldestIdBeyondTheCapacity() {
        for (int n = 0; n <= RecentMessageIds.CAPACITY; n++) {
            recent.remember(id(n));
        }

        assertThat(recent.size()).isEqualTo(RecentMessageIds.CAPACITY);
        assertThat(recent.contains(id(0))).isFalse();
        assertThat(recent.contains(id(1))).isTrue();
        assertThat(recent.contains(id(RecentMessageIds.CAPACITY))).isTrue();
    }
}
