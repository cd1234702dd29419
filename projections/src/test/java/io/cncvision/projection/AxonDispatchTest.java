package io.cncvision.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncvision.api.machine.MachineRegistered;
import io.cncvision.api.machine.MachineStateChanged;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.MachineState;
import io.cncvision.api.value.Protocol;
import io.cncvision.api.value.SourceMessageId;
import io.cncvision.projection.machine.MachineStatusProjection;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

/** Axon, not the test, resolves the sequence number and recording time the handlers take. */
class AxonDispatchTest {

    @Test
    void axonPassesSequenceNumberAndRecordingTimeAndResets() throws Exception {
        ReadModelDatabase database = ReadModelDatabase.cleared();
        AnnotationEventHandlerAdapter adapter =
                new AnnotationEventHandlerAdapter(new MachineStatusProjection(database.jdbc()));
        MachineId mill = MachineId.of("mill-07");
        Instant recordedAt = Instant.parse("2026-11-25T11:00:00Z");
        Instant observedAt = Instant.parse("2026-11-25T11:00:05Z");

        adapter.handle(domainEvent(mill, 0, new MachineRegistered(mill, "Mill 7", Protocol.MTCONNECT, null),
                recordedAt));
        adapter.handle(domainEvent(mill, 1,
                new MachineStateChanged(mill, MachineState.OFFLINE, MachineState.IDLE, observedAt,
                        SourceMessageId.of("s1")), observedAt));
        adapter.handle(domainEvent(mill, 1,
                new MachineStateChanged(mill, MachineState.OFFLINE, MachineState.RUNNING, observedAt,
                        SourceMessageId.of("s1-again")), observedAt));

        Map<String, Object> row = database.jdbc().getJdbcTemplate()
                .queryForMap("SELECT state, last_sequence FROM readmodel.machine_status WHERE machine_id = 'mill-07'");
        assertThat(row).containsEntry("state", "IDLE").containsEntry("last_sequence", 1L);
        Instant registeredAt = database.jdbc().getJdbcTemplate().queryForObject(
                "SELECT registered_at FROM readmodel.machine_status", (rs, n) -> SqlTime.instant(rs, "registered_at"));
        assertThat(registeredAt).isEqualTo(recordedAt);

        adapter.prepareReset();
        assertThat(database.jdbc().getJdbcTemplate()
                .queryForObject("SELECT count(*) FROM readmodel.machine_status", Long.class)).isZero();
    }

    private static GenericDomainEventMessage<Object> domainEvent(MachineId machine, long sequence, Object payload,
                                                                 Instant recordedAt) {
        return new GenericDomainEventMessage<>("Machine", machine.value(), sequence, payload, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), recordedAt);
    }
}
