package io.cncvision.audit.chain;

import java.time.Instant;
import java.util.HexFormat;

/**
 * What {@link ChainVerifier} found: the events it checked, the chain's head, the last checkpoint, and either
 * nothing wrong or the first break.
 *
 * @param fromIndex          the first global index checked (after the checkpoint it started from, if any)
 * @param events             events checked
 * @param chained            events checked that the chain covers
 * @param headIndex          global index of the last chained event (0: nothing chained)
 * @param notYetChained      events beyond the head that carry a valid proof: written by the platform, not chained yet
 * @param lateOutsideChain   events with a valid proof the chain passed over as a rolled-back gap: committed too late
 * @param lastCheckpointIndex global index of the last signed checkpoint checked (0: none)
 * @param firstBreak         null when the store is intact
 */
public record Verification(long fromIndex, long events, long chained, long headIndex, byte[] headHash,
                           long notYetChained, long lateOutsideChain, long lastCheckpointIndex,
                           Instant lastCheckpointSignedAt, ChainBreak firstBreak) {

    public boolean intact() {
        return firstBreak == null;
    }

    public String headHashHex() {
        return HexFormat.of().formatHex(headHash);
    }
}
