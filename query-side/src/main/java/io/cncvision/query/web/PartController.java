package io.cncvision.query.web;

import io.cncvision.api.part.FindPartGenealogy;
import io.cncvision.api.part.PartGenealogy;
import io.cncvision.api.value.Serial;
import io.cncvision.query.asof.QueriesAsOf;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reads a part's genealogy: {@code /api/v1/parts/{serial}}, as known now or, with {@code asOf}, then. */
@RestController
@RequestMapping("/api/v1/parts")
public class PartController {

    private final QueryGateway queries;
    private final QueriesAsOf past;

    public PartController(QueryGateway queries, QueriesAsOf past) {
        this.queries = queries;
        this.past = past;
    }

    @GetMapping("/{serial}")
    public PartGenealogy genealogy(@PathVariable String serial, @RequestParam(required = false) String asOf) {
        FindPartGenealogy query = new FindPartGenealogy(Serial.of(serial));
        if (asOf != null) {
            return past.at(asOf).parts().handle(query);
        }
        return QueryAnswers.await(queries.query(query, ResponseTypes.instanceOf(PartGenealogy.class)));
    }
}
