package io.cncvision.audit.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit keys are made once, kept outside the database, and sign and authenticate as they should. */
class AuditKeysTest {

    @TempDir
    Path dataDir;

    @Test
    void keysAreMadeOnceAndReadBackTheSame() throws Exception {
        AuditKeys first = AuditKeys.loadOrCreate(dataDir);
        AuditKeys again = AuditKeys.loadOrCreate(dataDir);
        byte[] data = "chain head 42".getBytes(StandardCharsets.UTF_8);

        assertThat(AuditKeys.verify(again.publicKey(), data, first.sign(data))).isTrue();
        assertThat(AuditKeys.verify(AuditKeys.readPublicKey(dataDir.resolve("audit").resolve(AuditKeys.PUBLIC_KEY)),
                data, first.sign(data))).isTrue();
        assertThat(first.eventMac().doFinal(data)).isEqualTo(again.eventMac().doFinal(data));
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("audit").resolve(AuditKeys.EVENT_MAC_KEY)))
                .hasSize(2);
    }

    @Test
    void aChangedMessageOrSignatureDoesNotVerify() {
        AuditKeys keys = AuditKeys.loadOrCreate(dataDir);
        byte[] signature = keys.sign("chain head 42".getBytes(StandardCharsets.UTF_8));

        assertThat(AuditKeys.verify(keys.publicKey(), "chain head 43".getBytes(StandardCharsets.UTF_8), signature))
                .isFalse();
        signature[3] ^= 1;
        assertThat(AuditKeys.verify(keys.publicKey(), "chain head 42".getBytes(StandardCharsets.UTF_8), signature))
                .isFalse();
    }

    @Test
    void missingKeysAreNamed() {
        assertThatThrownBy(() -> AuditKeys.load(dataDir)).hasMessageContaining(dataDir.resolve("audit").toString())
                .hasMessageContaining("made by the platform when it first starts");
    }
}
