package io.cncvision.query.web;

import io.cncvision.api.spc.FindSpcCapability;
import io.cncvision.api.spc.FindSpcChart;
import io.cncvision.api.spc.SpcCapabilityView;
import io.cncvision.api.spc.SpcChartView;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.query.asof.QueriesAsOf;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads control charts and capability: {@code /api/v1/spc/{characteristicId}/chart} and {@code .../capability},
 * each with optional {@code from} and {@code to} subgroup numbers, and {@code asOf} to read them as they were then.
 */
@RestController
@RequestMapping("/api/v1/spc")
public class SpcController {

    private final QueryGateway queries;
    private final QueriesAsOf past;

    public SpcController(QueryGateway queries, QueriesAsOf past) {
        this.queries = queries;
        this.past = past;
    }

    @GetMapping("/{characteristicId}/chart")
    public SpcChartView chart(@PathVariable String characteristicId, @RequestParam(required = false) Long from,
                              @RequestParam(required = false) Long to, @RequestParam(required = false) String asOf) {
        FindSpcChart query = new FindSpcChart(CharacteristicId.of(characteristicId), from, to);
        if (asOf != null) {
            return past.at(asOf).spcCharts().handle(query);
        }
        return QueryAnswers.await(queries.query(query, ResponseTypes.instanceOf(SpcChartView.class)));
    }

    @GetMapping("/{characteristicId}/capability")
    public SpcCapabilityView capability(@PathVariable String characteristicId,
                                        @RequestParam(required = false) Long from,
                                        @RequestParam(required = false) Long to, @RequestParam(required = false) String asOf) {
        FindSpcCapability query = new FindSpcCapability(CharacteristicId.of(characteristicId), from, to);
        if (asOf != null) {
            return past.at(asOf).spcCharts().handle(query);
        }
        return QueryAnswers.await(queries.query(query, ResponseTypes.instanceOf(SpcCapabilityView.class)));
    }
}
