package io.cncvision.audit.chain;

/** How the store differs from the trail the platform wrote, as {@link ChainVerifier} names it. */
public enum BreakKind {
    /** The event's proof does not match it: its payload, metadata or another field was changed. */
    PAYLOAD_OR_METADATA_CHANGED,
    /** The event has no proof the platform made, or one that does not match and no chain row: someone else wrote it. */
    NOT_WRITTEN_BY_THE_PLATFORM,
    /** The chain records an event that is gone, or its hash shows that an event before it was removed. */
    DELETED,
    /** Another intact event stands where the chain records this one: events were swapped or moved. */
    REORDERED,
    /** An event without a valid proof stands between chained events, where the chain passed over a gap. */
    INSERTED,
    /** A chain row or checkpoint does not follow from the events and the rows before it. */
    CHAIN_ALTERED,
    /** A checkpoint's signature is not the audit key's. */
    CHECKPOINT_SIGNATURE_INVALID
}
