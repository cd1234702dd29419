package io.cncvision.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * An AUDITOR reads everything and changes nothing, checked against every endpoint the controllers declare,
 * so that a new endpoint cannot slip past the rules: each write under /api is listed with the roles that may
 * send it, none of which is AUDITOR, and no read is closed to an auditor.
 */
class AuditorAccessTest {

    private static final List<Endpoint> ENDPOINTS = new ArrayList<>();

    record Endpoint(RequestMethod method, String path, String declaredBy) {

        MockHttpServletRequest request() {
            MockHttpServletRequest request = new MockHttpServletRequest(method.name(),
                    path.replaceAll("\\{[^}]+}", "x1"));
            request.setServletPath(request.getRequestURI());
            return request;
        }

        @Override
        public String toString() {
            return method + " " + path + " (" + declaredBy + ")";
        }
    }

    @BeforeAll
    static void scanControllers() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.cncvision.app")) {
            Class<?> controller = ClassUtils.forName(candidate.getBeanClassName(), AuditorAccessTest.class.getClassLoader());
            RequestMapping base = AnnotatedElementUtils.findMergedAnnotation(controller, RequestMapping.class);
            List<String> prefixes = base == null || base.path().length == 0 ? List.of("") : List.of(base.path());
            for (Method method : controller.getDeclaredMethods()) {
                RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
                if (mapping == null) {
                    continue;
                }
                List<String> paths = mapping.path().length == 0 ? List.of("") : List.of(mapping.path());
                for (RequestMethod verb : mapping.method()) {
                    for (String prefix : prefixes) {
                        for (String path : paths) {
                            ENDPOINTS.add(new Endpoint(verb, prefix + path,
                                    controller.getSimpleName() + "." + method.getName()));
                        }
                    }
                }
            }
        }
    }

    @Test
    void theControllersWereFound() {
        assertThat(ENDPOINTS).hasSizeGreaterThan(30);
        assertThat(ENDPOINTS).anyMatch(e -> e.method() == RequestMethod.GET);
        assertThat(ENDPOINTS).anyMatch(e -> e.method() == RequestMethod.POST);
    }

    @Test
    void everyWriteUnderTheApiIsListedAndNoneForAnAuditor() {
        List<Endpoint> writes = ENDPOINTS.stream()
                .filter(e -> e.method() != RequestMethod.GET && e.method() != RequestMethod.HEAD)
                .filter(e -> e.path().startsWith("/api/"))
                .toList();
        assertThat(writes).isNotEmpty();
        for (Endpoint write : writes) {
            Optional<ApiAccessRules.Rule> rule = ApiAccessRules.ruleFor(write.request());
            assertThat(rule).as("the rule for %s", write).isPresent();
            assertThat(rule.get().roles()).as("who may call %s", write).doesNotContain(Role.AUDITOR).isNotEmpty();
        }
    }

    @Test
    void everyReadIsOpenToAnAuditor() {
        for (Endpoint read : ENDPOINTS.stream().filter(e -> e.method() == RequestMethod.GET).toList()) {
            ApiAccessRules.ruleFor(read.request()).ifPresent(rule ->
                    assertThat(rule.roles()).as("who may read %s", read).contains(Role.AUDITOR));
        }
    }
}
