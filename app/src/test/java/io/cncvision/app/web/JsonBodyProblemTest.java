package io.cncvision.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cncvision.api.value.MachineId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;

class JsonBodyProblemTest {

    record Line(MachineId machineId, List<Double> values) {
    }

    record Plan(List<Line> lines) {
    }

    private final ObjectMapper mapper = JsonMapper.builder().findAndAddModules().build();

    @Test
    void aValueTypeRefusingItsValueIsNamedByItsPathWithTheValueTypesMessage() {
        JsonBodyProblem problem = problemReading("{\"lines\": [{\"machineId\": \"mill 01\"}]}");

        assertThat(problem.field()).isEqualTo("lines[0].machineId");
        assertThat(problem.detail()).isEqualTo("lines[0].machineId: machine id 'mill 01' must be 1-64 letters, "
                + "digits, '.', '-' or '_', starting with a letter or digit");
    }

    @Test
    void aValueOfTheWrongTypeDeepInsideIsNamedByItsPath() {
        JsonBodyProblem problem = problemReading("{\"lines\": [{\"values\": [1.0, \"two\"]}]}");

        assertThat(problem.field()).isEqualTo("lines[0].values[1]");
        assertThat(problem.detail()).isEqualTo("lines[0].values[1]: cannot read 'two' as a number");
    }

    @Test
    void brokenJsonIsLocatedByLineAndColumn() {
        JsonBodyProblem problem = problemReading("{\"lines\": [\n  {\"machineId\": }]}");

        assertThat(problem.field()).isEqualTo("lines[0].machineId");
        assertThat(problem.detail()).startsWith("malformed JSON at line 2, column 17 (field lines[0].machineId): ");
    }

    private JsonBodyProblem problemReading(String json) {
        JsonProcessingException failure = catchThrowableOfType(JsonProcessingException.class,
                () -> mapper.readValue(json, Plan.class));
        return JsonBodyProblem.of(new HttpMessageNotReadableException("JSON parse error", failure,
                new MockHttpInputMessage(json.getBytes())));
    }
}
