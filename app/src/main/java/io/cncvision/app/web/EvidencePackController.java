package io.cncvision.app.web;

import io.cncvision.app.audit.EvidencePackExport;
import io.cncvision.audit.evidence.EvidencePeriod;
import io.cncvision.audit.key.AuditKeys;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /api/v1/audit/exports?from=T1&to=T2}: the evidence pack of a period, as a signed zip, for auditors and
 * quality managers (see ApiAccessRules). The same pack {@code cncvision audit export} writes.
 */
@RestController
@RequestMapping("/api/v1/audit/exports")
public class EvidencePackController {

    private final DataSource dataSource;
    private final Path dataDir;
    private final Clock clock;

    public EvidencePackController(DataSource dataSource, @Value("${cncvision.data-dir}") Path dataDir, Clock clock) {
        this.dataSource = dataSource;
        this.dataDir = dataDir;
        this.clock = clock;
    }

    @GetMapping(produces = {"application/zip", MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    public ResponseEntity<StreamingResponseBody> export(@RequestParam("from") String from, @RequestParam("to") String to) {
        EvidencePeriod period = new EvidencePeriod(instant("from", from), instant("to", to));
        EvidencePackExport export = new EvidencePackExport(dataSource, AuditKeys.loadOrCreate(dataDir), clock);
        String name = "evidence-" + period.from() + "-" + period.to() + ".zip";
        StreamingResponseBody body = out -> {
            try {
                export.write(period, out);
            } catch (SQLException e) {
                throw new UncheckedIOException(new java.io.IOException("cannot read the event store: " + e.getMessage(), e));
            }
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name.replace(':', '-')).build().toString())
                .body(body);
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, field + " must be an ISO-8601 instant such as 2026-11-02T06:00:00Z, not '"
                    + value + "'");
        }
    }
}
