package io.cncvision.audit.chain;

/**
 * The first place where the store breaks the chain: the global index, what stands there (aggregate and type,
 * where an event does), the kind of break, and what was found.
 */
public record ChainBreak(long globalIndex, String eventIdentifier, String aggregateType, String aggregateIdentifier,
                         String eventType, BreakKind kind, String detail) {

    static ChainBreak at(CanonicalEvent event, BreakKind kind, String detail) {
        return new ChainBreak(event.globalIndex(), event.eventIdentifier(), event.aggregateType(),
                event.aggregateIdentifier(), event.shortType(), kind, detail);
    }

    static ChainBreak at(long globalIndex, String eventIdentifier, BreakKind kind, String detail) {
        return new ChainBreak(globalIndex, eventIdentifier, null, null, null, kind, detail);
    }

    /** One line for a person: where, what, which kind, why. */
    public String describe() {
        String what = aggregateIdentifier == null ? "event " + eventIdentifier
                : eventType + " of " + (aggregateType == null ? "" : aggregateType + " ") + aggregateIdentifier
                  + " (event " + eventIdentifier + ")";
        return "global index " + globalIndex + ", " + what + ": " + kind + ": " + detail;
    }
}
