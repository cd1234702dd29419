package io.cncvision.app.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.Date;
import java.util.Set;

/**
 * The instance's token signing key: an EC P-256 key pair (ES256) kept as a private JWK in
 * {@code <data-dir>/jwt-signing-key.json}, generated the first time it is needed and reused after.
 *
 * <p>The server that checks tokens and the {@code token} command that issues them both read it, so a
 * token issued on the command line is accepted by the instance on the same data directory. The file is
 * readable by its owner only where the file system has POSIX permissions.
 */
public final class SigningKeyStore {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;

    public SigningKeyStore(Path dataDir) {
        this.file = dataDir.toAbsolutePath().normalize().resolve(LocalTokens.KEY_FILE);
    }

    /** Where the key is kept. */
    public Path file() {
        return file;
    }

    /** The key in the file, after generating and writing one if there is none yet. */
    public synchronized ECKey loadOrCreate() {
        try {
            if (Files.exists(file)) {
                return read();
            }
            return create();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the JWT signing key " + file + ": " + e.getMessage(), e);
        }
    }

    private ECKey read() throws IOException {
        String json = Files.readString(file, StandardCharsets.UTF_8);
        ECKey key;
        try {
            key = ECKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException(unusable("is not a JWK (" + e.getMessage() + ")"), e);
        }
        if (!Curve.P_256.equals(key.getCurve()) || !key.isPrivate()) {
            throw new IllegalStateException(unusable("is not an EC P-256 private key"));
        }
        return key;
    }

    private String unusable(String why) {
        return "the JWT signing key " + file + " " + why
                + "; remove it to have a new key generated (tokens signed with the old one stop being accepted)";
    }

    private ECKey create() throws IOException {
        ECKey key = generate();
        Path directory = file.getParent();
        Files.createDirectories(directory);
        // Written whole to a private temporary file first, then moved in place: a reader never sees half a key.
        Path temporary = Files.createTempFile(directory, ".jwt-signing-key", ".tmp", ownerOnly(directory));
        try {
            Files.writeString(temporary, key.toJSONString(), StandardCharsets.UTF_8);
            Files.move(temporary, file);
            // As read back, so that every caller, this one too, holds the key exactly as the file keeps it.
            return read();
        } catch (FileAlreadyExistsException e) {
            // Another process (a token command beside the server) created it first: use theirs.
            return read();
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path directory) {
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
    }

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true)
                    .issueTime(new Date())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an EC P-256 key: " + e.getMessage(), e);
        }
    }
}
