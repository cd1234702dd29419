package io.cncvision.query.web;

import io.cncvision.api.value.WorkOrderId;
import io.cncvision.api.workorder.FindAllWorkOrders;
import io.cncvision.api.workorder.FindWorkOrder;
import io.cncvision.api.workorder.WorkOrderView;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads maintenance work orders: {@code /api/v1/work-orders}. */
@RestController
@RequestMapping("/api/v1/work-orders")
public class WorkOrderController {

    private final QueryGateway queries;

    public WorkOrderController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    public List<WorkOrderView> all() {
        return QueryAnswers.await(queries.query(new FindAllWorkOrders(),
                ResponseTypes.multipleInstancesOf(WorkOrderView.class)));
    }

    @GetMapping("/{workOrderId}")
    public WorkOrderView one(@PathVariable String workOrderId) {
        return QueryAnswers.await(queries.query(new FindWorkOrder(WorkOrderId.of(workOrderId)),
                ResponseTypes.instanceOf(WorkOrderView.class)));
    }
}
