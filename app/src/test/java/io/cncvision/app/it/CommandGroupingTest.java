package io.cncvision.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncvision.api.CommandOutcome;
import io.cncvision.api.characteristic.DefineCharacteristic;
import io.cncvision.api.characteristic.RecordMeasurement;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.ChartType;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.SourceMessageId;
import io.cncvision.api.value.Specification;
import io.cncvision.app.commandbus.BatchingCommandBus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands committed in groups: many senders at once, with refusals and database failures mixed in,
 * each sender hears the outcome of its own command only, and the store holds exactly what was accepted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandGroupingTest {

    private static final int CHARACTERISTICS = 8;
    private static final int MEASUREMENTS_PER_SENDER = 40;
    private static final int SENDERS = 16;

    @TempDir
    static Path dataDir;
    private RunningPlatform platform;
    private CommandGateway gateway;

    @BeforeAll
    void start() {
        // Small groups and one worker, so that groups mix every kind of command.
        platform = RunningPlatform.start(dataDir, "--cncvision.command-bus.workers=1",
                "--cncvision.command-bus.max-group-size=16");
        gateway = platform.context().getBean(CommandGateway.class);
    }

    @AfterAll
    void stop() {
        platform.close();
    }

    @Test
    void theCommandBusGroupsCommands() {
        assertThat(platform.context().getBean(CommandBus.class)).isInstanceOf(BatchingCommandBus.class);
    }

    @Test
    void aRefusedOrFailingCommandLeavesTheRestOfItsGroupRecorded() throws Exception {
        for (int c = 0; c < CHARACTERISTICS; c++) {
            gateway.sendAndWait(define("grp-" + c, ChartType.XBAR_R));
        }
        gateway.sendAndWait(define("grp-attribute", ChartType.P));
        long eventsBefore = platform.eventCount();

        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Object>>> outcomes = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            int sender = s;
            outcomes.add(senders.submit(() -> {
                go.await();
                List<Object> results = new ArrayList<>();
                for (int i = 0; i < MEASUREMENTS_PER_SENDER; i++) {
                    Object command = switch (i % 10) {
                        // A creation of an aggregate that exists: refused by the database (duplicate key).
                        case 3 -> define("grp-" + (i % CHARACTERISTICS), ChartType.XBAR_R);
                        // Refused by the aggregate: measurements on an attribute chart.
                        case 7 -> measure("grp-attribute", sender, i);
                        default -> measure("grp-" + ((sender + i) % CHARACTERISTICS), sender, i);
                    };
                    CompletableFuture<Object> sent = gateway.send(command);
                    try {
                        results.add(sent.join());
                    } catch (RuntimeException e) {
                        results.add(e);
                    }
                }
                return results;
            }));
        }
        go.countDown();
        int recorded = 0;
        int refused = 0;
        for (Future<List<Object>> outcome : outcomes) {
            List<Object> results = outcome.get();
            for (int i = 0; i < results.size(); i++) {
                Object result = results.get(i);
                if (i % 10 == 3 || i % 10 == 7) {
                    assertThat(result).as("command %d of a sender", i).isInstanceOf(RuntimeException.class);
                    refused++;
                } else {
                    assertThat(result).as("command %d of a sender", i).isEqualTo(CommandOutcome.RECORDED);
                    recorded++;
                }
            }
        }
        senders.shutdown();

        assertThat(refused).isEqualTo(SENDERS * MEASUREMENTS_PER_SENDER / 10 * 2);
        long measurementEvents = platform.jdbc().queryForObject(
                "SELECT count(*) FROM eventstore.events WHERE event_type LIKE '%.MeasurementRecorded'"
                        + " AND aggregate_identifier LIKE 'grp-%'", Long.class);
        assertThat(measurementEvents).isEqualTo(recorded);
        long subgroupEvents = platform.jdbc().queryForObject(
                "SELECT count(*) FROM eventstore.events WHERE event_type LIKE '%.SubgroupCompleted'"
                        + " AND aggregate_identifier LIKE 'grp-%'", Long.class);
        assertThat(platform.eventCount() - eventsBefore).isEqualTo(recorded + subgroupEvents);
        // Each characteristic's sequence numbers have no gap: no group wrote on state another rolled back.
        List<Long> gaps = platform.jdbc().queryForList("""
                SELECT count(*) - (max(sequence_number) + 1) FROM eventstore.events
                WHERE aggregate_identifier LIKE 'grp-%' GROUP BY aggregate_identifier
                """, Long.class);
        assertThat(gaps).containsOnly(0L);
    }

    private static DefineCharacteristic define(String id, ChartType chart) {
        return new DefineCharacteristic(new CharacteristicId(id), "PN-GRP", "Grouping " + id,
                new Specification("mm", 10.0, 9.9, 10.1), chart == ChartType.XBAR_R ? 5 : 1, chart);
    }

    private static RecordMeasurement measure(String characteristic, int sender, int i) {
        return new RecordMeasurement(new CharacteristicId(characteristic), 10.0 + (i % 5) * 0.01, null,
                new GaugeId("gauge-" + sender), Instant.parse("2026-11-25T10:00:00Z").plusSeconds(i),
                new SourceMessageId("grp/" + sender + "/" + i));
    }
}
