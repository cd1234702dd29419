package io.cncvision.query.web;

import io.cncvision.api.part.FindPartGenealogy;
import io.cncvision.api.part.PartGenealogy;
import io.cncvision.api.value.Serial;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads a part's genealogy: {@code /api/v1/parts/{serial}}. */
@RestController
@RequestMapping("/api/v1/parts")
public class PartController {

    private final QueryGateway queries;

    public PartController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/{serial}")
    public PartGenealogy genealogy(@PathVariable String serial) {
        return QueryAnswers.await(queries.query(new FindPartGenealogy(Serial.of(serial)),
                ResponseTypes.instanceOf(PartGenealogy.class)));
    }
}
