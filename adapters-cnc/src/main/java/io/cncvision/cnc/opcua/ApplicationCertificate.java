package io.cncvision.cnc.opcua;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.UUID;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OPC-UA application instance certificate and its key, created self-signed once and kept in a PKCS#12
 * keystore so that a machine that trusted it keeps trusting it across restarts.
 */
public record ApplicationCertificate(KeyPair keyPair, X509Certificate certificate) {

    private static final Logger log = LoggerFactory.getLogger(ApplicationCertificate.class);
    private static final String ALIAS = "application";
    // The keystore protects a key that sits next to it on disk: its password keeps no secret, the file's permissions do.
    private static final char[] PASSWORD = "cncvision".toCharArray();

    /** The application URI the certificate names (its SubjectAltName URI), which sessions must present. */
    public String applicationUri() {
        try {
            return CertificateUtil.getSanUri(certificate).orElseThrow();
        } catch (Exception e) {
            throw new IllegalStateException("application certificate names no application URI", e);
        }
    }

    /**
     * The certificate kept in {@code dir/keystore-file}, created there first if it is not there yet;
     * {@code applicationUriPrefix} gets a unique suffix so two installations never share a URI.
     */
    public static ApplicationCertificate loadOrCreate(Path dir, String keystoreFile, String commonName,
                                                      String applicationUriPrefix) throws IOException {
        // Many connectors share one pki-dir and start together: one creates, the others load what it made.
        Files.createDirectories(dir);
        synchronized (ApplicationCertificate.class) {
            try (java.nio.channels.FileChannel lock = java.nio.channels.FileChannel.open(dir.resolve(keystoreFile + ".lock"),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                 java.nio.channels.FileLock held = lock.lock()) {
                return loadOrCreateLocked(dir, keystoreFile, commonName, applicationUriPrefix);
            }
        }
    }

    private static ApplicationCertificate loadOrCreateLocked(Path dir, String keystoreFile, String commonName,
                                                             String applicationUriPrefix) throws IOException {
        Path file = dir.resolve(keystoreFile);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    store.load(in, PASSWORD);
                }
                PrivateKey key = (PrivateKey) store.getKey(ALIAS, PASSWORD);
                X509Certificate certificate = (X509Certificate) store.getCertificate(ALIAS);
                return new ApplicationCertificate(new KeyPair(certificate.getPublicKey(), key), certificate);
            }
            ApplicationCertificate created = create(commonName, applicationUriPrefix + ":" + UUID.randomUUID());
            Files.createDirectories(dir);
            store.load(null, PASSWORD);
            store.setKeyEntry(ALIAS, created.keyPair().getPrivate(), PASSWORD,
                    new X509Certificate[]{created.certificate()});
            Path partial = dir.resolve(keystoreFile + ".partial");
            try (OutputStream out = Files.newOutputStream(partial)) {
                store.store(out, PASSWORD);
            }
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            // The certificate alone, for the operator to put in the other side's trust list.
            Files.write(certificateFile(dir, keystoreFile), created.certificate().getEncoded());
            log.info("created application certificate {} for {} in {}", created.certificate().getSubjectX500Principal(),
                    created.applicationUri(), file.toAbsolutePath());
            return created;
        } catch (GeneralSecurityException e) {
            throw new IOException("application certificate in " + file.toAbsolutePath() + " cannot be read or created: "
                    + e.getMessage(), e);
        }
    }

    /** Where the certificate kept in {@code dir/keystoreFile} is also written alone (DER), to be trusted by peers. */
    public static Path certificateFile(Path dir, String keystoreFile) {
        return dir.resolve(keystoreFile.replaceFirst("\\.p12$", "") + ".der");
    }

    /** A new self-signed certificate (RSA 2048, SHA-256: what Basic256Sha256 asks for), kept nowhere. */
    public static ApplicationCertificate create(String commonName, String applicationUri) {
        try {
            KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
            X509Certificate certificate = new SelfSignedCertificateBuilder(keyPair)
                    .setCommonName(commonName)
                    .setOrganization("cncvision")
                    .setApplicationUri(applicationUri)
                    .addDnsName("localhost")
                    .addDnsName(hostname())
                    .addIpAddress("127.0.0.1")
                    .build();
            return new ApplicationCertificate(keyPair, certificate);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create a self-signed certificate: " + e.getMessage(), e);
        }
    }

    private static String hostname() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
