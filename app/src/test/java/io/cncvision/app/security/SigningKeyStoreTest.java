package io.cncvision.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyStoreTest {

    @TempDir
    Path dataDir;

    @Test
    void generatesAnEcP256KeyTheFirstTimeItIsNeeded() {
        SigningKeyStore store = new SigningKeyStore(dataDir.resolve("not-yet-created"));

        ECKey key = store.loadOrCreate();

        assertThat(store.file()).exists().hasFileName("jwt-signing-key.json");
        assertThat(key.getCurve()).isEqualTo(Curve.P_256);
        assertThat(key.isPrivate()).isTrue();
        assertThat(key.getKeyID()).isNotBlank();
    }

    @Test
    void keepsTheKeyReadableByItsOwnerOnly() throws Exception {
        assumeTrue(dataDir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        SigningKeyStore store = new SigningKeyStore(dataDir);

        store.loadOrCreate();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
    }

    @Test
    void reusesTheKeyItGenerated() throws Exception {
        SigningKeyStore store = new SigningKeyStore(dataDir);

        ECKey first = store.loadOrCreate();
        ECKey second = store.loadOrCreate();

        assertThat(second.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(second.toECPrivateKey().getS()).isEqualTo(first.toECPrivateKey().getS());
    }

    @Test
    void anotherProcessOnTheSameDataDirectoryReadsTheSameKey() throws Exception {
        ECKey written = new SigningKeyStore(dataDir).loadOrCreate();
        String file = Files.readString(dataDir.resolve("jwt-signing-key.json"));

        ECKey reloaded = new SigningKeyStore(dataDir).loadOrCreate();

        assertThat(reloaded.toJSONString()).isEqualTo(written.toJSONString());
        assertThat(Files.readString(dataDir.resolve("jwt-signing-key.json"))).isEqualTo(file);
        assertThat(reloaded.toECPrivateKey().getS()).isEqualTo(written.toECPrivateKey().getS());
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws Exception {
        new SigningKeyStore(dataDir).loadOrCreate();

        try (var files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("jwt-signing-key.json");
        }
    }

    @Test
    void refusesAFileThatHoldsNoKeyAndSaysWhatToDo() throws Exception {
        Files.writeString(dataDir.resolve("jwt-signing-key.json"), "not a key");

        assertThatThrownBy(() -> new SigningKeyStore(dataDir).loadOrCreate())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("jwt-signing-key.json")
                .hasMessageContaining("remove it");
    }

    @Test
    void refusesAPublicKeyOnly() throws Exception {
        ECKey key = new SigningKeyStore(dataDir.resolve("other")).loadOrCreate();
        Files.writeString(dataDir.resolve("jwt-signing-key.json"), key.toPublicJWK().toJSONString());

        assertThatThrownBy(() -> new SigningKeyStore(dataDir).loadOrCreate())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not an EC P-256 private key");
    }
}
