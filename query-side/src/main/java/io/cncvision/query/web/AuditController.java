package io.cncvision.query.web;

import io.cncvision.api.audit.AuditEvent;
import io.cncvision.api.audit.FindAuditEvents;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reads the audit trail, the stored events in global order: {@code /api/v1/audit/events}. */
@RestController
@RequestMapping("/api/v1/audit")
public class AuditController {

    private final QueryGateway queries;

    public AuditController(QueryGateway queries) {
        this.queries = queries;
    }

    /** One page of events after the global index {@code after}; the next page starts after the last one's. */
    @GetMapping("/events")
    public List<AuditEvent> events(@RequestParam(required = false) String aggregateId,
                                   @RequestParam(defaultValue = "-1") long after,
                                   @RequestParam(defaultValue = "100") int limit) {
        String aggregate = aggregateId == null || aggregateId.isBlank() ? null : aggregateId;
        return QueryAnswers.await(queries.query(new FindAuditEvents(aggregate, after, limit),
                ResponseTypes.multipleInstancesOf(AuditEvent.class)));
    }
}
