package io.cncvision.query.web;

import io.cncvision.api.value.WorkOrderId;
import io.cncvision.api.workorder.FindAllWorkOrders;
import io.cncvision.api.workorder.FindWorkOrder;
import io.cncvision.api.workorder.WorkOrderView;
import io.cncvision.query.asof.QueriesAsOf;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reads maintenance work orders: {@code /api/v1/work-orders}, now or, with {@code asOf}, then. */
@RestController
@RequestMapping("/api/v1/work-orders")
public class WorkOrderController {

    private final QueryGateway queries;
    private final QueriesAsOf past;

    public WorkOrderController(QueryGateway queries, QueriesAsOf past) {
        this.queries = queries;
        this.past = past;
    }

    @GetMapping
    public List<WorkOrderView> all(@RequestParam(required = false) String asOf) {
        if (asOf != null) {
            return past.at(asOf).workOrders().handle(new FindAllWorkOrders());
        }
        return QueryAnswers.await(queries.query(new FindAllWorkOrders(),
                ResponseTypes.multipleInstancesOf(WorkOrderView.class)));
    }

    @GetMapping("/{workOrderId}")
    public WorkOrderView one(@PathVariable String workOrderId, @RequestParam(required = false) String asOf) {
        FindWorkOrder query = new FindWorkOrder(WorkOrderId.of(workOrderId));
        if (asOf != null) {
            return past.at(asOf).workOrders().handle(query);
        }
        return QueryAnswers.await(queries.query(query, ResponseTypes.instanceOf(WorkOrderView.class)));
    }
}
