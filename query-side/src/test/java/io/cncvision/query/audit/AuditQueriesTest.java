package io.cncvision.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncvision.api.audit.AuditEvent;
import io.cncvision.api.audit.FindAuditEvents;
import io.cncvision.query.QueryDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditQueriesTest {

    private static final Instant T0 = Instant.parse("2026-11-25T09:00:00.123Z");
    private static final String METADATA = "{\"principal\":\"qa-anna\",\"correlationId\":\"c-1\"}";

    private QueryDatabase database;
    private AuditQueries queries;

    @BeforeEach
    void storeSomeHistory() {
        database = QueryDatabase.cleared();
        queries = new AuditQueries(database.jdbc());
        store("e1", "Machine", "mill-01", 0, "io.cncvision.api.machine.MachineRegistered");
        store("e2", "Characteristic", "pn1234-bore", 0, "io.cncvision.api.characteristic.CharacteristicDefined");
        store("e3", "Machine", "mill-01", 1, "io.cncvision.api.machine.MachineStateChanged");
        store("e4", "Characteristic", "pn1234-bore", 1, "io.cncvision.api.characteristic.MeasurementRecorded");
        store("e5", "Machine", "mill-01", 2, "io.cncvision.api.machine.CycleCompleted");
    }

    @Test
    void returnsEventsAsStoredInGlobalOrder() {
        List<AuditEvent> events = queries.handle(new FindAuditEvents(null, -1, 100));

        assertThat(events).extracting(AuditEvent::globalIndex).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(events.get(3)).isEqualTo(new AuditEvent(4, "e4", "Characteristic", "pn1234-bore", 1,
                "MeasurementRecorded", "1", T0.plusSeconds(4), "{\"n\":4}", METADATA));
    }

    @Test
    void startsAfterTheGivenGlobalIndex() {
        assertThat(queries.handle(new FindAuditEvents(null, 3, 100))).extracting(AuditEvent::eventId)
                .containsExactly("e4", "e5");
    }

    @Test
    void filtersByAggregate() {
        assertThat(queries.handle(new FindAuditEvents("mill-01", -1, 100)))
                .extracting(AuditEvent::type)
                .containsExactly("MachineRegistered", "MachineStateChanged", "CycleCompleted");
        assertThat(queries.handle(new FindAuditEvents("mill-01", 1, 100))).extracting(AuditEvent::sequence)
                .containsExactly(1L, 2L);
    }

    @Test
    void returnsAtMostTheLimit() {
        assertThat(queries.handle(new FindAuditEvents(null, -1, 2))).extracting(AuditEvent::eventId)
                .containsExactly("e1", "e2");
        assertThat(queries.handle(new FindAuditEvents(null, 2, 2))).extracting(AuditEvent::eventId)
                .containsExactly("e3", "e4");
    }

    @Test
    void unknownAggregateHasNoEvents() {
        assertThat(queries.handle(new FindAuditEvents("mill-99", -1, 100))).isEmpty();
    }

    @Test
    void simpleNameIsTheLastSegmentOfTheEventType() {
        assertThat(AuditQueries.simpleName("io.cncvision.api.part.PartProduced")).isEqualTo("PartProduced");
        assertThat(AuditQueries.simpleName("a.Outer$Inner")).isEqualTo("Inner");
        assertThat(AuditQueries.simpleName("Plain")).isEqualTo("Plain");
    }

    private void store(String eventId, String aggregateType, String aggregateId, long sequence, String type) {
        int n = Integer.parseInt(eventId.substring(1));
        database.storeEvent(eventId, aggregateType, aggregateId, sequence, type, T0.plusSeconds(n),
                "{\"n\":" + n + "}", METADATA);
    }
}
