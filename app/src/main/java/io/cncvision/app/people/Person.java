package io.cncvision.app.people;

import java.time.Instant;

/**
 * One entry of the people registry: a user id and, unless erased, the name behind it. An erased person keeps the
 * id, when they were first and last seen, and when and by whom the name was erased.
 */
public record Person(String userId, String displayName, Instant firstSeen, Instant lastSeen, Instant erasedAt,
                     String erasedBy) {

    public boolean erased() {
        return erasedAt != null;
    }
}
