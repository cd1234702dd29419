package io.cncvision.audit.chain;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The arithmetic of the chain, shared by the chainer that extends it and the verifier that recomputes it. */
public final class AuditChain {

    /** The hash before the first event: 32 zero bytes. */
    public static final byte[] GENESIS = new byte[32];

    private AuditChain() {
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }

    /** SHA-256(previous chain hash || canonical encoding || proof MAC); an event without proof counts an empty MAC. */
    public static byte[] link(MessageDigest sha256, byte[] previous, byte[] canonical, byte[] mac) {
        sha256.reset();
        sha256.update(previous);
        sha256.update(canonical);
        if (mac != null) {
            sha256.update(mac);
        }
        return sha256.digest();
    }

    /** What a checkpoint's Ed25519 signature covers: the global index (8 bytes, big-endian), then the chain hash. */
    public static byte[] checkpointMessage(long globalIndex, byte[] chainHash) {
        return ByteBuffer.allocate(8 + chainHash.length).putLong(globalIndex).put(chainHash).array();
    }
}
