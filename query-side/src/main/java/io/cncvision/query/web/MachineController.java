package io.cncvision.query.web;

import io.cncvision.api.machine.FindAllMachines;
import io.cncvision.api.machine.FindMachine;
import io.cncvision.api.machine.MachineView;
import io.cncvision.api.value.MachineId;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads machine status: {@code /api/v1/machines}. */
@RestController
@RequestMapping("/api/v1/machines")
public class MachineController {

    private final QueryGateway queries;

    public MachineController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    public List<MachineView> all() {
        return QueryAnswers.await(
                queries.query(new FindAllMachines(), ResponseTypes.multipleInstancesOf(MachineView.class)));
    }

    @GetMapping("/{machineId}")
    public MachineView one(@PathVariable String machineId) {
        return QueryAnswers.await(queries.query(new FindMachine(MachineId.of(machineId)),
                ResponseTypes.instanceOf(MachineView.class)));
    }
}
