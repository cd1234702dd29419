package io.cncvision.api.audit;

/** Finds stored events in global order, optionally of one aggregate, after a global index. */
public record FindAuditEvents(String aggregateId, long afterGlobalIndex, int limit) {

    public static final int MAX_LIMIT = 1000;

    public FindAuditEvents {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT + ", not " + limit);
        }
        if (afterGlobalIndex < -1) {
            throw new IllegalArgumentException("after must be -1 or more, not " + afterGlobalIndex);
        }
    }
}
