package io.cncvision.query.web;

import io.cncvision.api.nonconformance.FindNonConformance;
import io.cncvision.api.nonconformance.FindNonConformances;
import io.cncvision.api.nonconformance.NonConformanceStatus;
import io.cncvision.api.nonconformance.NonConformanceView;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.api.value.MachineId;
import io.cncvision.api.value.NonConformanceId;
import io.cncvision.query.asof.QueriesAsOf;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reads the NCR register: {@code /api/v1/nonconformances}, filtered by status, machine and characteristic, now or, with {@code asOf}, then. */
@RestController
@RequestMapping("/api/v1/nonconformances")
public class NonConformanceController {

    private final QueryGateway queries;
    private final QueriesAsOf past;

    public NonConformanceController(QueryGateway queries, QueriesAsOf past) {
        this.queries = queries;
        this.past = past;
    }

    @GetMapping
    public List<NonConformanceView> register(@RequestParam(required = false) String status,
                                             @RequestParam(required = false) String machineId,
                                             @RequestParam(required = false) String characteristicId,
                                             @RequestParam(required = false) String asOf) {
        FindNonConformances query = new FindNonConformances(status(status),
                blank(machineId) ? null : MachineId.of(machineId),
                blank(characteristicId) ? null : CharacteristicId.of(characteristicId));
        if (asOf != null) {
            return past.at(asOf).nonConformances().handle(query);
        }
        return QueryAnswers.await(queries.query(query, ResponseTypes.multipleInstancesOf(NonConformanceView.class)));
    }

    @GetMapping("/{nonConformanceId}")
    public NonConformanceView one(@PathVariable String nonConformanceId, @RequestParam(required = false) String asOf) {
        FindNonConformance query = new FindNonConformance(NonConformanceId.of(nonConformanceId));
        if (asOf != null) {
            return past.at(asOf).nonConformances().handle(query);
        }
        return QueryAnswers.await(queries.query(query, ResponseTypes.instanceOf(NonConformanceView.class)));
    }

    private static NonConformanceStatus status(String raw) {
        if (blank(raw)) {
            return null;
        }
        String name = raw.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(NonConformanceStatus.values()).filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("status '" + raw + "' is not one of "
                        + Arrays.stream(NonConformanceStatus.values()).map(Enum::name)
                        .collect(Collectors.joining(", "))));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
