package io.cncvision.audit.evidence;


/**
 * The hash chain's head a pack was cut from: the chain hash at the last exported event, and the signed checkpoint
 * at or before it (either may be missing while the store has no chain yet).
 */
public record ChainHead(long globalIndex, String chainHashHex, Long checkpointGlobalIndex, String checkpointHashHex,
                        String checkpointSignatureBase64, String checkpointSignedAt) {
}
