package io.cncvision.query.web;

import io.cncvision.api.spc.FindSpcChart;
import io.cncvision.api.spc.SpcChartView;
import io.cncvision.api.value.CharacteristicId;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A control chart, live: {@code /api/v1/spc/{characteristicId}/stream} sends the chart as it stands
 * (event {@code chart}, from subgroup {@code from} on), then each new subgroup (event {@code point}),
 * out-of-control signal ({@code signal}) and establishment of limits ({@code limits}) as it is recorded,
 * as server-sent events from an Axon subscription query.
 */
@RestController
@RequestMapping("/api/v1/spc")
public class SpcStreamController {

    private final QueryGateway queries;
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();

    public SpcStreamController(QueryGateway queries) {
        this.queries = queries;
    }

    /** Live streams never end by themselves: a shutting-down platform ends them rather than wait for them. */
    @EventListener(ContextClosedEvent.class)
    public void endStreams() {
        open.forEach(SseEmitter::complete);
        open.clear();
    }

    @GetMapping(path = "/{characteristicId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream(@PathVariable String characteristicId, @RequestParam(required = false) Long from) {
        SubscriptionQueryResult<SpcChartView, SpcChartView.Update> subscription = queries.subscriptionQuery(
                new FindSpcChart(CharacteristicId.of(characteristicId), from, null),
                ResponseTypes.instanceOf(SpcChartView.class), ResponseTypes.instanceOf(SpcChartView.Update.class));
        SseEmitter events = new SseEmitter(0L);
        open.add(events);
        events.onCompletion(() -> {
            open.remove(events);
            subscription.cancel();
        });
        events.onTimeout(subscription::cancel);
        events.onError(error -> subscription.cancel());
        subscription.initialResult().subscribe(
                chart -> send(events, "chart", chart),
                events::completeWithError,
                () -> subscription.updates().subscribe(update -> send(events, update),
                        events::completeWithError, events::complete));
        return events;
    }

    private static void send(SseEmitter events, SpcChartView.Update update) {
        if (update.point() != null) {
            send(events, "point", update.point());
        } else if (update.signal() != null) {
            send(events, "signal", update.signal());
        } else {
            send(events, "limits", update.limits());
        }
    }

    private static void send(SseEmitter events, String name, Object data) {
        try {
            events.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException e) {
            // The client went away: ending the emitter cancels the subscription.
            events.completeWithError(e);
        }
    }
}
