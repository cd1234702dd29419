package io.cncvision.audit.evidence;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.StringJoiner;

/** The one JSON mapper of evidence packs, and how a JSON value reads as a CSV cell. */
final class EvidenceJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private EvidenceJson() {
    }

    /** Text of a scalar, the elements of an array joined with spaces, compact JSON of an object; null for none. */
    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isArray()) {
            StringJoiner joined = new StringJoiner(" ");
            node.forEach(element -> joined.add(String.valueOf(text(element))));
            return joined.toString();
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
