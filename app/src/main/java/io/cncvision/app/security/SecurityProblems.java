package io.cncvision.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers a missing or invalid token (401) and a wrong role (403) the way every other API error is
 * answered, as {@code application/problem+json} (RFC 9457), keeping the {@code WWW-Authenticate: Bearer}
 * header RFC 6750 asks for.
 */
public final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();
    private final ObjectMapper objectMapper;

    public SecurityProblems(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        bearerEntryPoint.commence(request, response, exception);
        String detail = exception instanceof OAuth2AuthenticationException oauth2
                ? "the bearer token was refused: " + describe(oauth2.getError())
                : "a bearer token is required: send 'Authorization: Bearer <JWT>' "
                        + "(for local use, ./cncvision token --user NAME --roles ROLE issues one)";
        write(request, response, HttpStatus.UNAUTHORIZED, detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        bearerAccessDenied.handle(request, response, exception);
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        String who = caller == null ? "the caller" : "'" + caller.getName() + "' (roles: " + roles(caller) + ")";
        String endpoint = request.getMethod() + " " + request.getRequestURI();
        String detail = ApiAccessRules.ruleFor(request)
                .map(rule -> endpoint + " needs one of the roles " + rule.roleNames() + "; " + who + " has none of them")
                .orElse(endpoint + " is not open to any role: no such command endpoint");
        write(request, response, HttpStatus.FORBIDDEN, detail);
    }

    private static String describe(OAuth2Error error) {
        return error.getDescription() != null ? error.getDescription() : error.getErrorCode();
    }

    private static String roles(Authentication caller) {
        String roles = caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .map(Role::fromAuthority)
                .flatMap(Optional::stream)
                .map(Role::name)
                .collect(Collectors.joining(", "));
        return roles.isEmpty() ? "none" : roles;
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
