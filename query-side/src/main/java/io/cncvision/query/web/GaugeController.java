package io.cncvision.query.web;

import io.cncvision.api.gauge.CalibrationView;
import io.cncvision.api.gauge.FindAllGauges;
import io.cncvision.api.gauge.FindGauge;
import io.cncvision.api.gauge.FindGaugeCalibrations;
import io.cncvision.api.gauge.GaugeView;
import io.cncvision.api.value.GaugeId;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads gauges, cameras among them, and their calibrations: {@code /api/v1/gauges}. */
@RestController
@RequestMapping("/api/v1/gauges")
public class GaugeController {

    private final QueryGateway queries;

    public GaugeController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    public List<GaugeView> all() {
        return QueryAnswers.await(queries.query(new FindAllGauges(), ResponseTypes.multipleInstancesOf(GaugeView.class)));
    }

    @GetMapping("/{gaugeId}")
    public GaugeView one(@PathVariable String gaugeId) {
        return QueryAnswers.await(queries.query(new FindGauge(GaugeId.of(gaugeId)),
                ResponseTypes.instanceOf(GaugeView.class)));
    }

    @GetMapping("/{gaugeId}/calibrations")
    public List<CalibrationView> calibrations(@PathVariable String gaugeId) {
        return QueryAnswers.await(queries.query(new FindGaugeCalibrations(GaugeId.of(gaugeId)),
                ResponseTypes.multipleInstancesOf(CalibrationView.class)));
    }
}
