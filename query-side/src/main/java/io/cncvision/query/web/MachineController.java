package io.cncvision.query.web;

import io.cncvision.api.machine.FindAllMachines;
import io.cncvision.api.machine.FindMachine;
import io.cncvision.api.machine.MachineView;
import io.cncvision.api.value.MachineId;
import io.cncvision.query.asof.QueriesAsOf;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reads machine status: {@code /api/v1/machines}, now or, with {@code asOf}, then. */
@RestController
@RequestMapping("/api/v1/machines")
public class MachineController {

    private final QueryGateway queries;
    private final QueriesAsOf past;

    public MachineController(QueryGateway queries, QueriesAsOf past) {
        this.queries = queries;
        this.past = past;
    }

    @GetMapping
    public List<MachineView> all(@RequestParam(required = false) String asOf) {
        if (asOf != null) {
            return past.at(asOf).machines().handle(new FindAllMachines());
        }
        return QueryAnswers.await(
                queries.query(new FindAllMachines(), ResponseTypes.multipleInstancesOf(MachineView.class)));
    }

    @GetMapping("/{machineId}")
    public MachineView one(@PathVariable String machineId, @RequestParam(required = false) String asOf) {
        FindMachine query = new FindMachine(MachineId.of(machineId));
        if (asOf != null) {
            return past.at(asOf).machines().handle(query);
        }
        return QueryAnswers.await(queries.query(query, ResponseTypes.instanceOf(MachineView.class)));
    }
}
