package io.cncvision.audit.key;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The instance's audit keys, kept in {@code <data-dir>/audit/} and never in the database: an Ed25519 key pair
 * that signs chain checkpoints and evidence manifests ({@value #SIGNING_KEY}, and its public half
 * {@value #PUBLIC_KEY} for auditors), and a secret that authenticates every event the platform writes
 * ({@value #EVENT_MAC_KEY}, HMAC-SHA256). Someone with database rights but without these files can change the
 * store, but not so that the change passes verification. Generated the first time they are needed, readable by
 * their owner only where the file system has POSIX permissions.
 */
public final class AuditKeys {

    public static final String DIRECTORY = "audit";
    public static final String SIGNING_KEY = "signing-key.pem";
    public static final String PUBLIC_KEY = "signing-key.pub.pem";
    public static final String EVENT_MAC_KEY = "event-mac.key";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final String ED25519 = "Ed25519";
    private static final String HMAC = "HmacSHA256";

    private final PrivateKey signingKey;
    private final PublicKey publicKey;
    private final byte[] macKey;

    private AuditKeys(PrivateKey signingKey, PublicKey publicKey, byte[] macKey) {
        this.signingKey = signingKey;
        this.publicKey = publicKey;
        this.macKey = macKey.clone();
    }

    /** The keys of the instance on {@code dataDir}, generated and written first if there are none yet. */
    public static synchronized AuditKeys loadOrCreate(Path dataDir) {
        Path directory = dataDir.toAbsolutePath().normalize().resolve(DIRECTORY);
        try {
            Files.createDirectories(directory);
            if (!Files.exists(directory.resolve(SIGNING_KEY))) {
                KeyPair pair = KeyPairGenerator.getInstance(ED25519).generateKeyPair();
                writeOnce(directory.resolve(SIGNING_KEY), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                writeOnce(directory.resolve(PUBLIC_KEY), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            }
            if (!Files.exists(directory.resolve(EVENT_MAC_KEY))) {
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                writeOnce(directory.resolve(EVENT_MAC_KEY), Base64.getEncoder().encodeToString(secret) + "\n");
            }
            return load(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the audit keys in " + directory + ": "
                    + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot make Ed25519 keys: " + e.getMessage(), e);
        }
    }

    /** The keys of the instance on {@code dataDir}; fails, naming the file, when one is missing or unreadable. */
    public static AuditKeys load(Path dataDir) {
        Path directory = dataDir.toAbsolutePath().normalize().resolve(DIRECTORY);
        Path signing = directory.resolve(SIGNING_KEY);
        Path mac = directory.resolve(EVENT_MAC_KEY);
        try {
            PrivateKey privateKey = KeyFactory.getInstance(ED25519).generatePrivate(
                    new PKCS8EncodedKeySpec(unpem(Files.readString(signing, StandardCharsets.US_ASCII))));
            PublicKey publicKey = readPublicKey(directory.resolve(PUBLIC_KEY));
            return new AuditKeys(privateKey, publicKey, readEventKey(mac));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit keys in " + directory + " (" + e.getMessage()
                    + "); they are made by the platform when it first starts on this data directory", e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the audit keys in " + directory + " are not usable: " + e.getMessage(), e);
        }
    }

    /** An HMAC-SHA256 keyed with the event key in {@code file}: an auditor's copy of {@value #EVENT_MAC_KEY}. */
    public static Mac eventMac(Path file) throws IOException {
        return mac(readEventKey(file));
    }

    private static byte[] readEventKey(Path file) throws IOException {
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the event key " + file + " is not Base64: " + e.getMessage(), e);
        }
        if (secret.length < 32) {
            throw new IllegalStateException("the event key " + file + " holds " + secret.length
                    + " bytes; at least 32 are needed");
        }
        return secret;
    }

    /** An Ed25519 public key written as {@value #PUBLIC_KEY} writes it (PEM, X.509). */
    public static PublicKey readPublicKey(Path pem) throws IOException {
        try {
            return KeyFactory.getInstance(ED25519).generatePublic(
                    new X509EncodedKeySpec(unpem(Files.readString(pem, StandardCharsets.US_ASCII))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(pem + " is not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The Ed25519 signature of {@code data}. */
    public byte[] sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance(ED25519);
            signature.initSign(signingKey);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with Ed25519: " + e.getMessage(), e);
        }
    }

    /** Whether {@code signature} is {@code key}'s Ed25519 signature of {@code data}. */
    public static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ED25519);
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** A new HMAC-SHA256 keyed with the event key: one per thread, as a Mac keeps state. */
    public Mac eventMac() {
        return mac(macKey);
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make an HMAC-SHA256: " + e.getMessage(), e);
        }
    }

    private static void writeOnce(Path file, String content) throws IOException {
        Path directory = file.getParent();
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] ownerOnly = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        // Written whole to a private temporary file first, then moved in place: a reader never sees half a key.
        Path temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp", ownerOnly);
        try {
            Files.writeString(temporary, content, StandardCharsets.US_ASCII);
            Files.move(temporary, file);
        } catch (FileAlreadyExistsException e) {
            // another process (a command beside the server) wrote it first: theirs stands
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
    }
}
