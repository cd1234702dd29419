package io.cncvision.query.asof;

import io.cncvision.projection.ReadModelSchema;
import io.cncvision.query.NotFoundException;
import io.cncvision.query.characteristic.CharacteristicQueries;
import io.cncvision.query.gauge.GaugeQueries;
import io.cncvision.query.machine.MachineQueries;
import io.cncvision.query.nonconformance.NonConformanceQueries;
import io.cncvision.query.part.PartGenealogyQueries;
import io.cncvision.query.spc.SpcChartQueries;
import io.cncvision.query.workorder.WorkOrderQueries;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The query handlers of the read API, answering from the read models as of an instant ({@code ?asOf=}) rather
 * than the live ones: the same handlers, on a template that reads that instant's schema.
 */
@Component
public class QueriesAsOf {

    private final NamedParameterJdbcTemplate jdbc;
    private final Optional<ReadModelsAsOf> replays;
    private final Clock clock;
    private final Map<ReadModelSchema, Handlers> handlers = new ConcurrentHashMap<>();

    public QueriesAsOf(NamedParameterJdbcTemplate jdbc, Optional<ReadModelsAsOf> replays, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.replays = replays;
        this.clock = clock.orElseGet(Clock::systemUTC);
    }

    /** The handlers of one schema; each holds its own template, so a schema gets them once. */
    public record Handlers(SpcChartQueries spcCharts, CharacteristicQueries characteristics,
                           PartGenealogyQueries parts, MachineQueries machines, NonConformanceQueries nonConformances,
                           GaugeQueries gauges, WorkOrderQueries workOrders) {

        static Handlers on(NamedParameterJdbcTemplate jdbc) {
            return new Handlers(new SpcChartQueries(jdbc), new CharacteristicQueries(jdbc),
                    new PartGenealogyQueries(jdbc), new MachineQueries(jdbc), new NonConformanceQueries(jdbc),
                    new GaugeQueries(jdbc), new WorkOrderQueries(jdbc));
        }
    }

    /**
     * The handlers answering as of {@code asOf}, an ISO-8601 instant; refuses a malformed or future instant
     * (the REST API answers 400).
     */
    public Handlers at(String asOf) {
        Instant instant = parse(asOf);
        Instant now = clock.instant();
        if (instant.isAfter(now)) {
            throw new IllegalArgumentException("asOf " + instant + " is in the future (now is " + now
                    + "): the platform cannot know the plant then");
        }
        ReadModelsAsOf found = replays.orElseThrow(() -> new NotFoundException("replay as of", instant));
        ReadModelSchema schema = found.schema(instant);
        return handlers.computeIfAbsent(schema, s -> Handlers.on(s.jdbc(jdbc.getJdbcTemplate())));
    }

    static Instant parse(String asOf) {
        try {
            return Instant.parse(asOf.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("asOf '" + asOf + "' is not an ISO-8601 instant in UTC such as "
                    + "2026-03-01T10:00:00Z", e);
        }
    }
}
