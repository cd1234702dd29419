package io.cncvision.query.web;

import io.cncvision.api.gauge.CalibrationView;
import io.cncvision.api.gauge.FindAllGauges;
import io.cncvision.api.gauge.FindGauge;
import io.cncvision.api.gauge.FindGaugeCalibrations;
import io.cncvision.api.gauge.GaugeView;
import io.cncvision.api.value.GaugeId;
import io.cncvision.query.asof.QueriesAsOf;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reads gauges, cameras among them, and their calibrations: {@code /api/v1/gauges}, now or, with {@code asOf}, then. */
@RestController
@RequestMapping("/api/v1/gauges")
public class GaugeController {

    private final QueryGateway queries;
    private final QueriesAsOf past;

    public GaugeController(QueryGateway queries, QueriesAsOf past) {
        this.queries = queries;
        this.past = past;
    }

    @GetMapping
    public List<GaugeView> all(@RequestParam(required = false) String asOf) {
        if (asOf != null) {
            return past.at(asOf).gauges().handle(new FindAllGauges());
        }
        return QueryAnswers.await(queries.query(new FindAllGauges(), ResponseTypes.multipleInstancesOf(GaugeView.class)));
    }

    @GetMapping("/{gaugeId}")
    public GaugeView one(@PathVariable String gaugeId, @RequestParam(required = false) String asOf) {
        FindGauge query = new FindGauge(GaugeId.of(gaugeId));
        if (asOf != null) {
            return past.at(asOf).gauges().handle(query);
        }
        return QueryAnswers.await(queries.query(query, ResponseTypes.instanceOf(GaugeView.class)));
    }

    @GetMapping("/{gaugeId}/calibrations")
    public List<CalibrationView> calibrations(@PathVariable String gaugeId, @RequestParam(required = false) String asOf) {
        FindGaugeCalibrations query = new FindGaugeCalibrations(GaugeId.of(gaugeId));
        if (asOf != null) {
            return past.at(asOf).gauges().handle(query);
        }
        return QueryAnswers.await(queries.query(query, ResponseTypes.multipleInstancesOf(CalibrationView.class)));
    }
}
