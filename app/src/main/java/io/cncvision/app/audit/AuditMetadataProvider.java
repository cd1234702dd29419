package io.cncvision.app.audit;

import static io.cncvision.api.audit.MetadataKeys.CAUSATION_ID;
import static io.cncvision.api.audit.MetadataKeys.CORRELATION_ID;
import static io.cncvision.api.audit.MetadataKeys.PRINCIPAL;
import static io.cncvision.api.audit.MetadataKeys.ROLES;
import static io.cncvision.api.audit.MetadataKeys.SOURCE;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.stereotype.Component;

/**
 * Carries who, why and from where from a message to every message it causes: an event inherits the
 * principal, roles, source and correlation id of its command, and names the command as its cause.
 */
@Component
public class AuditMetadataProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        MetaData metaData = message.getMetaData();
        Map<String, Object> data = new HashMap<>(8);
        copy(metaData, PRINCIPAL, data);
        copy(metaData, ROLES, data);
        copy(metaData, SOURCE, data);
        Object correlationId = metaData.get(CORRELATION_ID);
        data.put(CORRELATION_ID, correlationId != null ? correlationId : message.getIdentifier());
        data.put(CAUSATION_ID, message.getIdentifier());
        return data;
    }

    private static void copy(MetaData from, String key, Map<String, Object> to) {
        Object value = from.get(key);
        if (value != null) {
            to.put(key, value);
        }
    }
}
