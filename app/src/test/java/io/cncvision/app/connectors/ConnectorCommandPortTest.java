package io.cncvision.app.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.cncvision.api.CommandOutcome;
import io.cncvision.api.part.InspectionResult;
import io.cncvision.api.part.QuarantinePart;
import io.cncvision.api.part.RecordInspection;
import io.cncvision.api.value.GaugeId;
import io.cncvision.api.value.NonConformanceId;
import io.cncvision.api.value.Serial;
import io.cncvision.api.value.SourceMessageId;
import io.cncvision.cnc.CommandPort;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;

/** An inspection of a part its machine has not reported yet waits for it; other refusals are final at once. */
class ConnectorCommandPortTest {

    static final RecordInspection INSPECTION = RecordInspection.verdict(Serial.of("SIM1-000007"), null,
            InspectionResult.PASS, GaugeId.of("cam-1"), null, Instant.parse("2026-11-25T08:00:00Z"),
            SourceMessageId.of("camera:cam-1/frame:7/inspection"));

    static <T> CompletableFuture<T> notFound() {
        return CompletableFuture.failedFuture(new AggregateNotFoundException("SIM1-000007", "not found"));
    }

    @Test
    void anInspectionOfAPartNotYetProducedIsTakenAsideAndSentAgainUntilThePartExists() throws Exception {
        CommandGateway gateway = mock(CommandGateway.class);
        when(gateway.send(any())).thenReturn(notFound(), notFound(),
                CompletableFuture.completedFuture(CommandOutcome.RECORDED));
        ConnectorCommandPort port = new ConnectorCommandPort(gateway);

        // answered at once, so the commands behind it are not held up
        assertThat(port.send(INSPECTION).get(1, TimeUnit.SECONDS)).isEqualTo(ConnectorCommandPort.AWAITING_PRODUCTION);
        verify(gateway, timeout(5000).times(3)).send(INSPECTION);
        Thread.sleep(300);
        assertThat(port.refusedAfterWaiting()).isZero();
    }

    @Test
    void otherCommandsForAnAggregateThatDoesNotExistAreRefusedAtOnce() {
        CommandGateway gateway = mock(CommandGateway.class);
        QuarantinePart quarantine = new QuarantinePart(Serial.of("SIM1-000007"), NonConformanceId.of("NCR-1"), "held",
                Instant.parse("2026-11-25T08:00:00Z"));
        when(gateway.send(any())).thenReturn(notFound());

        assertThatThrownBy(() -> new ConnectorCommandPort(gateway).send(quarantine).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(CommandPort.CommandRefused.class);
        verify(gateway, times(1)).send(quarantine);
    }
}
