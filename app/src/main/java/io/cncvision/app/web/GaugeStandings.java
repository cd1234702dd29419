package io.cncvision.app.web;

import io.cncvision.api.characteristic.RecordMeasurement;
import io.cncvision.api.gauge.FindGauge;
import io.cncvision.api.gauge.GaugeStatus;
import io.cncvision.api.gauge.GaugeView;
import io.cncvision.api.value.GaugeId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Stamps every measurement sent to the platform with the standing of its gauge's calibration (IATF 16949
 * 7.1.5.2), whoever sends it (a camera, a connector, a person over REST): the gauge read model's status, looked up
 * again once a second, and EXPIRED as soon as the certification's due date has passed at the measurement's time,
 * before the deadline that records the expiry has fired. A gauge the read model does not know is left unknown.
 */
@Component
class GaugeStandings implements MessageDispatchInterceptor<CommandMessage<?>>, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(GaugeStandings.class);
    private static final long REFRESH_NANOS = Duration.ofSeconds(1).toNanos();

    private final QueryGateway queries;
    private final CommandBus commandBus;
    private final Map<GaugeId, Known> known = new ConcurrentHashMap<>();

    GaugeStandings(QueryGateway queries, CommandBus commandBus) {
        this.queries = queries;
        this.commandBus = commandBus;
    }

    @Override
    public void afterSingletonsInstantiated() {
        commandBus.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, message) -> {
            if (message.getPayload() instanceof RecordMeasurement measurement && measurement.gaugeStatus() == null) {
                GaugeStatus status = standing(measurement.gaugeId(), measurement.observedAt());
                if (status != null) {
                    return new GenericCommandMessage<>(new GenericMessage<>(message.getIdentifier(),
                            measurement.withGaugeStatus(status), message.getMetaData()), message.getCommandName());
                }
            }
            return message;
        };
    }

    GaugeStatus standing(GaugeId gauge, Instant at) {
        long now = System.nanoTime();
        Known current = known.get(gauge);
        if (current == null || now - current.lookedUpAt >= REFRESH_NANOS) {
            current = new Known(lookUp(gauge, current), now);
            known.put(gauge, current);
        }
        GaugeView view = current.view;
        if (view == null || view.status() == null) {
            return null;
        }
        if (view.status() == GaugeStatus.CALIBRATED && view.dueAt() != null && at.isAfter(view.dueAt())) {
            return GaugeStatus.EXPIRED;
        }
        return view.status();
    }

    private GaugeView lookUp(GaugeId gauge, Known before) {
        try {
            return queries.query(new FindGauge(gauge), ResponseTypes.instanceOf(GaugeView.class))
                    .get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            return null; // not a registered gauge
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return before == null ? null : before.view;
        } catch (java.util.concurrent.TimeoutException e) {
            log.warn("gauge {}: its standing could not be looked up in 5 s; the one known before stands", gauge);
            return before == null ? null : before.view;
        }
    }

    private record Known(GaugeView view, long lookedUpAt) {
    }
}
