package io.cncvision.query.web;

import io.cncvision.api.characteristic.CharacteristicView;
import io.cncvision.api.characteristic.FindAllCharacteristics;
import io.cncvision.api.characteristic.FindCharacteristic;
import io.cncvision.api.value.CharacteristicId;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads the control plan's characteristics: {@code /api/v1/characteristics}. */
@RestController
@RequestMapping("/api/v1/characteristics")
public class CharacteristicController {

    private final QueryGateway queries;

    public CharacteristicController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    public List<CharacteristicView> all() {
        return QueryAnswers.await(queries.query(new FindAllCharacteristics(),
                ResponseTypes.multipleInstancesOf(CharacteristicView.class)));
    }

    @GetMapping("/{characteristicId}")
    public CharacteristicView one(@PathVariable String characteristicId) {
        return QueryAnswers.await(queries.query(new FindCharacteristic(CharacteristicId.of(characteristicId)),
                ResponseTypes.instanceOf(CharacteristicView.class)));
    }
}
