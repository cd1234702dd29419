package io.cncvision.query.web;

import io.cncvision.api.characteristic.CharacteristicView;
import io.cncvision.api.characteristic.FindAllCharacteristics;
import io.cncvision.api.characteristic.FindCharacteristic;
import io.cncvision.api.value.CharacteristicId;
import io.cncvision.query.asof.QueriesAsOf;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reads the control plan's characteristics: {@code /api/v1/characteristics}, now or, with {@code asOf}, then. */
@RestController
@RequestMapping("/api/v1/characteristics")
public class CharacteristicController {

    private final QueryGateway queries;
    private final QueriesAsOf past;

    public CharacteristicController(QueryGateway queries, QueriesAsOf past) {
        this.queries = queries;
        this.past = past;
    }

    @GetMapping
    public List<CharacteristicView> all(@RequestParam(required = false) String asOf) {
        if (asOf != null) {
            return past.at(asOf).characteristics().handle(new FindAllCharacteristics());
        }
        return QueryAnswers.await(queries.query(new FindAllCharacteristics(),
                ResponseTypes.multipleInstancesOf(CharacteristicView.class)));
    }

    @GetMapping("/{characteristicId}")
    public CharacteristicView one(@PathVariable String characteristicId, @RequestParam(required = false) String asOf) {
        FindCharacteristic query = new FindCharacteristic(CharacteristicId.of(characteristicId));
        if (asOf != null) {
            return past.at(asOf).characteristics().handle(query);
        }
        return QueryAnswers.await(queries.query(query, ResponseTypes.instanceOf(CharacteristicView.class)));
    }
}
