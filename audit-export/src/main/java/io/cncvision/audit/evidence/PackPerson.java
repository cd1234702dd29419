package io.cncvision.audit.evidence;

import java.time.Instant;

/**
 * A person named in the pack by user id, as the people registry knows them when the pack is cut: the display name,
 * or none when it was erased (then {@code erasedAt} says when).
 */
public record PackPerson(String userId, String displayName, Instant erasedAt) {

    public PackPerson {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("a person of the pack needs a user id");
        }
        if ((displayName == null) == (erasedAt == null)) {
            throw new IllegalArgumentException("person " + userId + " must have either a display name or an erasure time");
        }
    }
}
