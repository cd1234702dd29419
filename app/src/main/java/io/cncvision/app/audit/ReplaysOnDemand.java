package io.cncvision.app.audit;

import io.cncvision.projection.ReadModelSchema;
import io.cncvision.query.asof.ReadModelsAsOf;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The read models as of an instant for the read API: the replay already in the database, or a new one. Two
 * requests for the same instant wait for one replay rather than run two, and replays of different instants run
 * one after the other, so that a burst of requests cannot occupy the database. At most
 * {@code cncvision.audit.replay.keep} replays are kept (see {@link StoredReplays}). Only where events are in
 * PostgreSQL (not Axon Server).
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
public class ReplaysOnDemand implements ReadModelsAsOf {

    private static final Logger log = LoggerFactory.getLogger(ReplaysOnDemand.class);

    private final JdbcTemplate jdbc;
    private final StoredReplays stored;
    private final Replay replay;
    private final Map<ReadModelSchema, Object> replaying = new ConcurrentHashMap<>();
    // A replay reads the whole store and writes every read model: one at a time, however many instants are asked.
    private final Object oneReplayAtATime = new Object();

    public ReplaysOnDemand(DataSource dataSource, @Qualifier("eventSerializer") Serializer eventSerializer,
                           org.axonframework.config.Configuration configuration, Clock clock,
                           @Value("${cncvision.audit.replay.keep:" + StoredReplays.DEFAULT_KEEP + "}") int keep) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.stored = new StoredReplays(dataSource, clock, keep, StoredReplays.DEFAULT_IN_USE);
        this.replay = new Replay(dataSource, eventSerializer, configuration.upcasterChain(), clock, stored);
    }

    /** A replay interrupted by a crash or a kill left its schema behind: nobody will finish it. */
    @EventListener(ApplicationReadyEvent.class)
    public void dropLeftovers() {
        try {
            stored.dropLeftovers(null);
        } catch (DataAccessException e) {
            log.warn("Could not drop the schemas of interrupted replays: {}", e.getMostSpecificCause().getMessage());
        }
    }

    public StoredReplays stored() {
        return stored;
    }

    @Override
    public ReadModelSchema schema(Instant asOf) {
        ReadModelSchema schema = Replay.schemaFor(asOf, null);
        if (Replay.completed(jdbc, schema) && stored.touch(schema)) {
            return schema;
        }
        synchronized (replaying.computeIfAbsent(schema, s -> new Object())) {
            if (!Replay.completed(jdbc, schema) || !stored.touch(schema)) {
                Replay.Result result;
                synchronized (oneReplayAtATime) {
                    result = replay.run(asOf, null);
                }
                log.info("Replayed {} events recorded up to {} into schema {} in {} ms", result.events(), asOf,
                        schema.name(), result.took().toMillis());
            }
        }
        return schema;
    }
}
