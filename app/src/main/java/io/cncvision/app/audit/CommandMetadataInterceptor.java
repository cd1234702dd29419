package io.cncvision.app.audit;

import static io.cncvision.api.audit.MetadataKeys.CORRELATION_ID;
import static io.cncvision.api.audit.MetadataKeys.PRINCIPAL;
import static io.cncvision.api.audit.MetadataKeys.ROLES;
import static io.cncvision.api.audit.MetadataKeys.SOURCE;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Stamps every command sent with who sent it (the authenticated principal, a person's pseudonymous user id or a
 * machine's own id, and its roles), from where
 * (the API client's address) and the correlation id of the request ({@code X-Correlation-Id}, when a
 * client gives a valid one). Metadata a sender set itself, an adapter naming its machine, is kept.
 */
@Component
public class CommandMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Pattern VALID_CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> added = new HashMap<>(4);
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.isAuthenticated() && !command.getMetaData().containsKey(PRINCIPAL)) {
                added.put(PRINCIPAL, authentication.getName());
                added.put(ROLES, authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .filter(a -> a.startsWith("ROLE_"))
                        .map(a -> a.substring(5))
                        .sorted()
                        .toList());
            }
            HttpServletRequest request = currentRequest();
            if (request != null) {
                if (!command.getMetaData().containsKey(SOURCE)) {
                    added.put(SOURCE, "api:" + request.getRemoteAddr());
                }
                String correlationId = request.getHeader(CORRELATION_HEADER);
                if (correlationId != null && VALID_CORRELATION_ID.matcher(correlationId).matches()
                        && !command.getMetaData().containsKey(CORRELATION_ID)) {
                    added.put(CORRELATION_ID, correlationId);
                }
            }
            return added.isEmpty() ? command : command.andMetaData(added);
        };
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }
}
