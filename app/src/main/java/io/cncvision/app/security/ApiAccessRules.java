package io.cncvision.app.security;

import static io.cncvision.app.security.Role.ADMIN;
import static io.cncvision.app.security.Role.AUDITOR;
import static io.cncvision.app.security.Role.MACHINE;
import static io.cncvision.app.security.Role.MAINTENANCE;
import static io.cncvision.app.security.Role.OPERATOR;
import static io.cncvision.app.security.Role.QUALITY_ENGINEER;
import static io.cncvision.app.security.Role.QUALITY_MANAGER;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what: the one place that says it. Reading the API is open to every authenticated role;
 * each command endpoint lists the roles that may send it; a write under {@code /api} that is not
 * listed is refused to everyone, so a new command endpoint stays closed until it gets its line here.
 * An AUDITOR appears on no command line: an auditor reads, never acts.
 */
public final class ApiAccessRules {

    /** One endpoint (method and path pattern, {@code *} for one path segment) and the roles that may call it. */
    public record Rule(HttpMethod method, String pattern, Set<Role> roles) {

        RequestMatcher matcher() {
            return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
        }

        String roleNames() {
            return roles.stream().map(Role::name).collect(Collectors.joining(", "));
        }
    }

    /** Open to anyone: liveness and readiness, metrics for Prometheus, the OpenAPI description and its UI. */
    static final List<String> PUBLIC = List.of(
            "/actuator/health", "/actuator/health/**",
            "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**",
            "/swagger-ui.html", "/swagger-ui/**");

    /** The commands and who may send them. */
    static final List<Rule> COMMANDS = List.of(
            rule(POST, "/api/v1/machines", ADMIN, QUALITY_MANAGER),
            rule(POST, "/api/v1/machines/*/state", MACHINE, OPERATOR, ADMIN),
            rule(POST, "/api/v1/machines/*/alarms", MACHINE, OPERATOR, ADMIN),
            rule(POST, "/api/v1/machines/*/alarms/*/clear", MACHINE, OPERATOR, ADMIN),
            rule(POST, "/api/v1/machines/*/cycles", MACHINE, OPERATOR, ADMIN),
            rule(POST, "/api/v1/characteristics", QUALITY_ENGINEER, QUALITY_MANAGER, ADMIN),
            rule(POST, "/api/v1/characteristics/*/specification", QUALITY_ENGINEER, QUALITY_MANAGER, ADMIN),
            rule(POST, "/api/v1/characteristics/*/control-limits", QUALITY_ENGINEER, QUALITY_MANAGER, ADMIN),
            rule(POST, "/api/v1/characteristics/*/compensation", QUALITY_ENGINEER, QUALITY_MANAGER, ADMIN),
            rule(POST, "/api/v1/characteristics/*/measurements", MACHINE, OPERATOR, QUALITY_ENGINEER, QUALITY_MANAGER, ADMIN),
            rule(POST, "/api/v1/characteristics/*/counts", MACHINE, OPERATOR, QUALITY_ENGINEER, QUALITY_MANAGER, ADMIN),
            rule(POST, "/api/v1/gauges", QUALITY_ENGINEER, QUALITY_MANAGER, ADMIN),
            rule(POST, "/api/v1/gauges/*/calibrations", QUALITY_ENGINEER, QUALITY_MANAGER, ADMIN),
            rule(POST, "/api/v1/parts", MACHINE, OPERATOR, ADMIN),
            rule(POST, "/api/v1/parts/*/inspections", MACHINE, OPERATOR, QUALITY_ENGINEER, QUALITY_MANAGER, ADMIN),
            rule(POST, "/api/v1/parts/*/disposition", QUALITY_ENGINEER, QUALITY_MANAGER),
            // Nonconformances: anyone on the floor may report one; engineers contain and investigate; only a
            // quality manager signs the disposition (21 CFR Part 11 §11.50) and closes it.
            rule(POST, "/api/v1/nonconformances", OPERATOR, QUALITY_ENGINEER, QUALITY_MANAGER, ADMIN),
            rule(POST, "/api/v1/nonconformances/*/containment", QUALITY_ENGINEER, QUALITY_MANAGER),
            rule(POST, "/api/v1/nonconformances/*/root-cause", QUALITY_ENGINEER, QUALITY_MANAGER),
            rule(POST, "/api/v1/nonconformances/*/corrective-action", QUALITY_ENGINEER, QUALITY_MANAGER),
            rule(POST, "/api/v1/nonconformances/*/disposition", QUALITY_MANAGER),
            rule(POST, "/api/v1/nonconformances/*/close", QUALITY_MANAGER),
            // Gauge certification, work orders and maintenance plans.
            rule(POST, "/api/v1/gauges/*/certifications", QUALITY_ENGINEER, QUALITY_MANAGER, ADMIN),
            rule(POST, "/api/v1/work-orders", MAINTENANCE, ADMIN),
            rule(POST, "/api/v1/work-orders/*/start", MAINTENANCE, ADMIN),
            rule(POST, "/api/v1/work-orders/*/complete", MAINTENANCE, ADMIN),
            rule(POST, "/api/v1/machines/*/maintenance-plan", MAINTENANCE, ADMIN),
            rule(POST, "/api/v1/machines/*/predictions", MACHINE, MAINTENANCE, ADMIN));

    /** Reads that not every role may make: the evidence pack holds the whole audit trail of a period. */
    static final List<Rule> RESTRICTED_READS = List.of(
            rule(GET, "/api/v1/audit/exports", AUDITOR, QUALITY_MANAGER, ADMIN));

    /**
     * The people registry: the names behind the user ids of the audit trail, for the roles that must say who did what;
     * erasing a name is an administrator's.
     */
    static final List<Rule> PEOPLE = List.of(
            rule(GET, "/api/v1/people", QUALITY_MANAGER, AUDITOR, ADMIN),
            rule(GET, "/api/v1/people/*", QUALITY_MANAGER, AUDITOR, ADMIN),
            rule(DELETE, "/api/v1/people/*", ADMIN));

    /** Every other actuator endpoint (env, metrics, info, ...) is for administrators. */
    static final Rule ACTUATOR = new Rule(null, "/actuator/**", EnumSet.of(ADMIN));

    private ApiAccessRules() {
    }

    /** Applies the rules above, in this order: the first that matches a request decides. */
    static void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(PUBLIC.stream().map(ApiAccessRules::anyMethod).toArray(RequestMatcher[]::new)).permitAll();
        requests.requestMatchers(ACTUATOR.matcher()).hasAnyRole(authorityNames(ACTUATOR));
        for (Rule rule : RESTRICTED_READS) {
            requests.requestMatchers(rule.matcher()).hasAnyRole(authorityNames(rule));
        }
        for (Rule rule : PEOPLE) {
            requests.requestMatchers(rule.matcher()).hasAnyRole(authorityNames(rule));
        }
        requests.requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(GET, "/api/**")).authenticated();
        for (Rule rule : COMMANDS) {
            requests.requestMatchers(rule.matcher()).hasAnyRole(authorityNames(rule));
        }
        // Deny by default: any other method or path under /api (an unlisted write) is refused.
        requests.requestMatchers(anyMethod("/api/**")).denyAll();
        // Outside /api and /actuator: the error page and, later, the web UI's static files, whose data comes from /api.
        requests.anyRequest().permitAll();
    }

    /** The rule that decides a request that needs a role, to tell a refused caller which roles would do. */
    static Optional<Rule> ruleFor(HttpServletRequest request) {
        return Stream.of(RESTRICTED_READS.stream(), PEOPLE.stream(), COMMANDS.stream(), Stream.of(ACTUATOR))
                .flatMap(rules -> rules)
                .filter(rule -> rule.matcher().matches(request))
                .findFirst();
    }

    private static Rule rule(HttpMethod method, String pattern, Role... roles) {
        return new Rule(method, pattern, EnumSet.copyOf(Arrays.asList(roles)));
    }

    private static RequestMatcher anyMethod(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static String[] authorityNames(Rule rule) {
        return rule.roles().stream().map(Role::name).toArray(String[]::new);
    }
}
