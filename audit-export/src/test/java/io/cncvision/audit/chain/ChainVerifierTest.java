package io.cncvision.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainVerifierTest {

    private static EmbeddedPostgres postgres;
    @TempDir
    static Path dataDir;
    private static ChainStore store;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
        store = new ChainStore(postgres, dataDir, Duration.ZERO, 4);
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    /** Ten events written and chained, checkpoints at 4 and 8. */
    @BeforeEach
    void tenChainedEvents() throws Exception {
        store.recreate();
        store.append(6);
        store.append(4);
        store.chain();
    }

    @Test
    void untouchedStoreIsIntact() throws Exception {
        Verification verification = store.verify(0);

        assertThat(verification.intact()).isTrue();
        assertThat(verification.events()).isEqualTo(10);
        assertThat(verification.chained()).isEqualTo(10);
        assertThat(verification.headIndex()).isEqualTo(10);
        assertThat(verification.lastCheckpointIndex()).isEqualTo(8);
    }

    @Test
    void eventsWrittenButNotYetChainedAreCountedNotBroken() throws Exception {
        store.append(3);

        Verification verification = store.verify(0);

        assertThat(verification.intact()).isTrue();
        assertThat(verification.notYetChained()).isEqualTo(3);
        assertThat(verification.headIndex()).isEqualTo(10);
    }

    @Test
    void editedPayloadIsNamed() throws Exception {
        store.tamper("UPDATE eventstore.events SET payload = convert_to('{\"valueMm\":25.1}', 'UTF8') WHERE global_index = 5");

        assertBreak(store.verify(0), 5, BreakKind.PAYLOAD_OR_METADATA_CHANGED);
    }

    @Test
    void editedMetadataIsNamed() throws Exception {
        store.tamper("UPDATE eventstore.events SET meta_data = convert_to('{\"userId\":\"admin\"}', 'UTF8') WHERE global_index = 6");

        ChainBreak broken = assertBreak(store.verify(0), 6, BreakKind.PAYLOAD_OR_METADATA_CHANGED);
        assertThat(broken.aggregateIdentifier()).isEqualTo("pn1234-bore");
        assertThat(broken.eventType()).isEqualTo("MeasurementRecorded");
    }

    @Test
    void deletedEventIsNamed() throws Exception {
        store.tamper("DELETE FROM eventstore.events WHERE global_index = 4");

        assertBreak(store.verify(0), 4, BreakKind.DELETED);
    }

    @Test
    void eventDeletedWithItsChainRowAndProofIsNamedAtTheNextEvent() throws Exception {
        store.tamper("DELETE FROM eventstore.event_proof WHERE event_identifier = (SELECT event_identifier FROM eventstore.events WHERE global_index = 3)",
                "DELETE FROM eventstore.events WHERE global_index = 3",
                "DELETE FROM eventstore.event_chain WHERE global_index = 3");

        assertBreak(store.verify(0), 4, BreakKind.DELETED);
    }

    @Test
    void swappedEventsAreNamed() throws Exception {
        store.tamper("UPDATE eventstore.events SET global_index = -3 WHERE global_index = 3",
                "UPDATE eventstore.events SET global_index = 3 WHERE global_index = 7",
                "UPDATE eventstore.events SET global_index = 7 WHERE global_index = -3");

        assertBreak(store.verify(0), 3, BreakKind.REORDERED);
    }

    @Test
    void swappedPayloadsAreNamed() throws Exception {
        store.tamper("UPDATE eventstore.events e SET payload = o.payload FROM eventstore.events o"
                + " WHERE (e.global_index, o.global_index) IN ((2, 9), (9, 2))");

        assertBreak(store.verify(0), 2, BreakKind.PAYLOAD_OR_METADATA_CHANGED);
    }

    @Test
    void eventInsertedIntoAGapIsNamed() throws Exception {
        store.tamper("SELECT setval('eventstore.events_global_index_seq', 12)");
        store.append(2);
        store.chain();
        try (Connection connection = store.connection()) {
            connection.createStatement().execute("SELECT setval('eventstore.events_global_index_seq', 10)");
            ChainStore.insert(connection, 1);
        }

        assertBreak(store.verify(0), 11, BreakKind.INSERTED);
    }

    @Test
    void gapsLeftByRolledBackTransactionsAreNotBreaks() throws Exception {
        store.tamper("SELECT setval('eventstore.events_global_index_seq', 12)");
        store.append(2);
        store.chain();

        Verification verification = store.verify(0);

        assertThat(verification.intact()).isTrue();
        assertThat(verification.headIndex()).isEqualTo(14);
    }

    @Test
    void eventAppendedWithoutTheKeyIsNamedBeforeAndAfterItIsChained() throws Exception {
        try (Connection connection = store.connection()) {
            ChainStore.insert(connection, 1);
        }
        assertBreak(store.verify(0), 11, BreakKind.NOT_WRITTEN_BY_THE_PLATFORM);

        store.chain();

        assertBreak(store.verify(0), 11, BreakKind.NOT_WRITTEN_BY_THE_PLATFORM);
    }

    @Test
    void eventAppendedWithAForgedProofIsNamed() throws Exception {
        try (Connection connection = store.connection()) {
            String forged = ChainStore.insert(connection, 1).get(0);
            connection.createStatement().execute("INSERT INTO eventstore.event_proof VALUES ('" + forged
                    + "', sha256('guess'::bytea))");
        }

        assertBreak(store.verify(0), 11, BreakKind.NOT_WRITTEN_BY_THE_PLATFORM);
    }

    @Test
    void alteredChainHashIsNamed() throws Exception {
        store.tamper("UPDATE eventstore.event_chain SET chain_hash = sha256(chain_hash) WHERE global_index = 6");

        assertBreak(store.verify(0), 6, BreakKind.CHAIN_ALTERED);
    }

    @Test
    void forgedCheckpointSignatureIsNamed() throws Exception {
        store.tamper("UPDATE eventstore.chain_checkpoint SET signature = sha512(signature) WHERE global_index = 4");

        assertBreak(store.verify(0), 4, BreakKind.CHECKPOINT_SIGNATURE_INVALID);
    }

    @Test
    void eventsRemovedFromTheEndWithTheirChainRowsAreCaughtByTheCheckpoint() throws Exception {
        store.tamper("DELETE FROM eventstore.events WHERE global_index > 6",
                "DELETE FROM eventstore.event_chain WHERE global_index > 6");

        assertBreak(store.verify(0), 8, BreakKind.DELETED);
    }

    @Test
    void verifiesFromTheLastCheckpointBeforeTheIndexAsked() throws Exception {
        store.tamper("UPDATE eventstore.events SET payload = convert_to('{}', 'UTF8') WHERE global_index = 2");

        Verification verification = store.verify(7);

        assertThat(verification.intact()).isTrue();
        assertThat(verification.fromIndex()).isEqualTo(5);
        assertThat(verification.events()).isEqualTo(6);
        assertThat(store.verify(0).firstBreak().globalIndex()).isEqualTo(2);
    }

    @Test
    void theVerifierNeedsTheInstancesEventKey() throws Exception {
        ChainStore other = new ChainStore(postgres, dataDir.resolve("other"), Duration.ZERO, 4);

        assertBreak(other.verify(0), 1, BreakKind.PAYLOAD_OR_METADATA_CHANGED);
    }

    @Test
    void proofsOfEventsMissingFromTheTransactionAreRefused() throws Exception {
        try (Connection connection = store.connection()) {
            assertThatThrownBy(() -> EventProofs.prove(connection, List.of("no-such-event"), store.keys.eventMac()))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("1 events but 0");
        }
    }

    private static ChainBreak assertBreak(Verification verification, long globalIndex, BreakKind kind) {
        assertThat(verification.intact()).as("store intact").isFalse();
        ChainBreak broken = verification.firstBreak();
        assertThat(broken.kind()).as(broken.describe()).isEqualTo(kind);
        assertThat(broken.globalIndex()).as(broken.describe()).isEqualTo(globalIndex);
        return broken;
    }
}
