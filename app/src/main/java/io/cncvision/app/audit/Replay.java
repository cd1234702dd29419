package io.cncvision.app.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cncvision.projection.ReadModelSchema;
import io.cncvision.projection.characteristic.CharacteristicProjection;
import io.cncvision.projection.gauge.GaugeProjection;
import io.cncvision.projection.machine.MachineStatusProjection;
import io.cncvision.projection.nonconformance.NonConformanceProjection;
import io.cncvision.projection.part.PartGenealogyProjection;
import io.cncvision.projection.spc.SpcChartProjection;
import io.cncvision.projection.workorder.WorkOrderProjection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the read models as the platform knew them at an instant: every event recorded up to then
 * ({@code eventstore.events.time_stamp}, the recording time), in global order, through fresh instances of the
 * projections whose SQL is sent to a schema of its own ({@link ReadModelSchema#asOf}). The live read models
 * are not touched.
 *
 * <p>The tables are UNLOGGED: a replay is derived and can be run again, and skipping the WAL makes it several
 * times faster. A crash of PostgreSQL empties every unlogged table, the {@value #RECORD} row included, so a
 * schema without that row is an unfinished or lost replay, never a plant with nothing in it. The schema is
 * built under a temporary name and renamed when complete, so nobody reads half a replay.
 */
public final class Replay {

    /** The row saying a replay is complete: as of when, of which processing groups, how many events. */
    public static final String RECORD = "as_of_replay";

    private static final int BATCH_SIZE = 5_000;

    /** The projections by processing group, each built on the template it is to write through. */
    private static final Map<String, Function<NamedParameterJdbcTemplate, Object>> PROJECTIONS = projections();

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventUpcaster upcaster;
    private final Clock clock;
    private final StoredReplays stored;

    /** A replay keeping the default number of replays ({@link StoredReplays#DEFAULT_KEEP}). */
    public Replay(DataSource dataSource, Serializer serializer, EventUpcaster upcaster, Clock clock) {
        this(dataSource, serializer, upcaster, clock,
                new StoredReplays(dataSource, clock, StoredReplays.DEFAULT_KEEP, StoredReplays.DEFAULT_IN_USE));
    }

    public Replay(DataSource dataSource, Serializer serializer, EventUpcaster upcaster, Clock clock,
                  StoredReplays stored) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.serializer = serializer;
        this.upcaster = upcaster == null ? NoOpEventUpcaster.INSTANCE : upcaster;
        this.clock = clock;
        this.stored = stored;
    }

    /** What a replay found and where it put it. */
    public record Result(ReadModelSchema schema, Instant asOf, long events, Duration took) {
    }

    public static Set<String> processingGroups() {
        return PROJECTIONS.keySet();
    }

    /**
     * The serializer the platform writes events with (Jackson, with the modules Spring Boot registers and
     * unknown properties ignored), for tools that read the store without the platform.
     */
    public static Serializer standaloneSerializer() {
        JsonMapper mapper = JsonMapper.builder()
                .findAndAddModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    /** The schema a replay as of the instant goes to, of every read model or of one processing group's. */
    public static ReadModelSchema schemaFor(Instant asOf, String processingGroup) {
        ReadModelSchema whole = ReadModelSchema.asOf(asOf);
        return processingGroup == null ? whole : whole.onlyFor(processingGroup);
    }

    /** Whether the schema holds a complete replay (see the class comment for why the row is the proof). */
    public static boolean completed(JdbcTemplate jdbc, ReadModelSchema schema) {
        Boolean exists = jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class,
                schema.name() + "." + RECORD);
        return Boolean.TRUE.equals(exists)
                && jdbc.queryForObject("SELECT count(*) FROM " + schema.name() + "." + RECORD, Long.class) > 0;
    }

    /**
     * Replays every event recorded up to {@code asOf} into a fresh schema, replacing an earlier replay of the
     * same instant, after dropping what an interrupted replay of it left and, past the cap, the least recently
     * used replays ({@link StoredReplays}). {@code processingGroup} null means every read model.
     */
    public Result run(Instant asOf, String processingGroup) {
        Instant now = clock.instant();
        if (asOf.isAfter(now)) {
            throw new IllegalArgumentException("as-of instant " + asOf + " is in the future (now is " + now
                    + "): nothing has been recorded then yet");
        }
        if (processingGroup != null && !PROJECTIONS.containsKey(processingGroup)) {
            throw new IllegalArgumentException("no projection '" + processingGroup + "'; the projections are "
                    + String.join(", ", PROJECTIONS.keySet()));
        }
        long start = System.nanoTime();
        ReadModelSchema target = schemaFor(asOf, processingGroup);
        ReadModelSchema building = new ReadModelSchema(target.name() + "_wip_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff)));
        stored.dropLeftovers(target);
        try (StoredReplays.Writing writing = stored.writing(building)) {
            try {
                stored.makeRoomFor(target);
                createTables(building);
                List<AnnotationEventHandlerAdapter> handlers = handlers(building, processingGroup);
                long events = feed(asOf, handlers);
                finish(building, target, asOf, processingGroup, events);
                return new Result(target, asOf, events, Duration.ofNanos(System.nanoTime() - start));
            } catch (RuntimeException e) {
                jdbc.execute("DROP SCHEMA IF EXISTS " + building.name() + " CASCADE");
                throw e;
            }
        }
    }

    private void createTables(ReadModelSchema schema) {
        List<String> tables = jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'readmodel' AND table_type = 'BASE TABLE'
                  AND table_name <> 'flyway_schema_history'
                ORDER BY table_name
                """, String.class);
        if (tables.isEmpty()) {
            throw new IllegalStateException("the database has no read-model tables (schema readmodel): "
                    + "it has not been migrated by a cncvision platform");
        }
        jdbc.execute("CREATE SCHEMA " + schema.name());
        for (String table : tables) {
            jdbc.execute("CREATE UNLOGGED TABLE " + schema.name() + "." + table
                    + " (LIKE readmodel." + table + " INCLUDING ALL)");
        }
        jdbc.execute("CREATE UNLOGGED TABLE " + schema.name() + "." + RECORD + " (as_of TIMESTAMPTZ NOT NULL,"
                + " processing_groups TEXT NOT NULL, events BIGINT NOT NULL, replayed_at TIMESTAMPTZ NOT NULL,"
                + " last_used TIMESTAMPTZ NOT NULL)");
    }

    private List<AnnotationEventHandlerAdapter> handlers(ReadModelSchema schema, String processingGroup) {
        List<AnnotationEventHandlerAdapter> handlers = new ArrayList<>();
        PROJECTIONS.forEach((group, projection) -> {
            if (processingGroup == null || processingGroup.equals(group)) {
                // one template per projection, as each Spring bean has its own writer resources
                Object bean = projection.apply(schema.jdbc(jdbc));
                handlers.add(new AnnotationEventHandlerAdapter(bean,
                        ClasspathParameterResolverFactory.forClass(bean.getClass())));
            }
        });
        return handlers;
    }

    /**
     * Reads the events in global order, a batch at a time, and hands each batch to every projection. Each
     * projection writes on its own thread and connection: projections share no tables, and on a database that
     * can run statements side by side a replay takes about as long as its slowest projection, not their sum.
     */
    private long feed(Instant asOf, List<AnnotationEventHandlerAdapter> handlers) {
        List<Writer> writers = handlers.stream().map(Writer::new).toList();
        ExecutorService threads = Executors.newFixedThreadPool(writers.size(), runnable -> {
            Thread thread = new Thread(runnable, "replay-writer");
            thread.setDaemon(true);
            return thread;
        });
        List<Future<?>> running = writers.stream().<Future<?>>map(writer -> threads.submit(writer::run)).toList();
        long events = 0;
        try {
            long after = -1;
            while (true) {
                Page page = page(after, asOf);
                events += hand(page.events(), writers, running);
                if (page.last() < 0) {
                    break;
                }
                after = page.last();
            }
            for (Writer writer : writers) {
                writer.put(END, running);
            }
            for (Future<?> writer : running) {
                writer.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted", e);
        } finally {
            threads.shutdownNow();
        }
        return events;
    }

    private static final List<TrackedEventMessage<?>> END = List.of();

    /** The events of one page, and the global index it ends at (-1 past the last page). */
    private record Page(List<TrackedDomainEventData<byte[]>> events, long last) {
    }

    /**
     * The next page of events recorded up to {@code asOf}, in its own short transaction. A cursor held open for
     * the whole replay would keep its snapshot just as long, and PostgreSQL could then clear no row version dead
     * since: neither the replay's own updates of a row (a characteristic's count, a machine's state, updated
     * hundreds of thousands of times) nor the live read models'.
     */
    private Page page(long after, Instant asOf) {
        List<TrackedDomainEventData<byte[]>> events = new ArrayList<>(BATCH_SIZE);
        long[] last = {-1};
        jdbc.query(con -> {
            PreparedStatement select = con.prepareStatement("""
                    SELECT global_index, event_identifier, aggregate_identifier, sequence_number, aggregate_type,
                        event_type, payload_revision, time_stamp, payload, meta_data
                    FROM eventstore.events
                    WHERE global_index > ?
                    ORDER BY global_index
                    LIMIT ?
                    """);
            select.setLong(1, after);
            select.setInt(2, BATCH_SIZE);
            return select;
        }, (ResultSet row) -> {
            last[0] = row.getLong("global_index");
            String recordedAt = row.getString("time_stamp");
            // recording time: what the platform knew then; global order may differ from it by a commit's length
            if (!DateTimeUtils.parseInstant(recordedAt).isAfter(asOf)) {
                events.add(event(row, recordedAt));
            }
        });
        return new Page(events, last[0]);
    }

    /** Deserializes the batch here, once, rather than in every projection's thread. */
    private int hand(List<TrackedDomainEventData<byte[]>> batch, List<Writer> writers, List<Future<?>> running)
            throws InterruptedException, ExecutionException {
        if (batch.isEmpty()) {
            return 0;
        }
        List<TrackedEventMessage<?>> messages = EventUtils.upcastAndDeserializeTrackedEvents(batch.stream(),
                serializer, upcaster).toList();
        messages.forEach(TrackedEventMessage::getPayload);
        for (Writer writer : writers) {
            writer.put(messages, running);
        }
        return messages.size();
    }

    private static TrackedDomainEventData<byte[]> event(ResultSet row, String recordedAt) throws SQLException {
        return new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(row.getLong("global_index")),
                new GenericDomainEventEntry<>(row.getString("aggregate_type"), row.getString("aggregate_identifier"),
                        row.getLong("sequence_number"), row.getString("event_identifier"), recordedAt,
                        row.getString("event_type"), row.getString("payload_revision"), row.getBytes("payload"),
                        row.getBytes("meta_data")));
    }

    /** One projection's thread: a transaction and a unit of work per batch; its writer sends the SQL at commit. */
    private final class Writer {

        private final AnnotationEventHandlerAdapter handler;
        private final BlockingQueue<List<TrackedEventMessage<?>>> batches = new ArrayBlockingQueue<>(4);

        Writer(AnnotationEventHandlerAdapter handler) {
            this.handler = handler;
        }

        /** Waits for room, unless a projection has failed: then its failure is what the replay reports. */
        void put(List<TrackedEventMessage<?>> messages, List<Future<?>> running)
                throws InterruptedException, ExecutionException {
            while (!batches.offer(messages, 100, TimeUnit.MILLISECONDS)) {
                for (Future<?> writer : running) {
                    if (writer.isDone()) {
                        writer.get();
                    }
                }
            }
        }

        void run() {
            TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            try {
                for (List<TrackedEventMessage<?>> messages = batches.take(); !messages.isEmpty();
                     messages = batches.take()) {
                    List<TrackedEventMessage<?>> batch = messages;
                    transactions.executeWithoutResult(status -> apply(batch));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void apply(List<TrackedEventMessage<?>> messages) {
            jdbc.execute("SET LOCAL synchronous_commit TO OFF");
            DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(messages.get(0));
            TrackedEventMessage<?> current = messages.get(0);
            try {
                for (TrackedEventMessage<?> message : messages) {
                    current = message;
                    if (handler.canHandle(message)) {
                        handler.handle(message);
                    }
                }
            } catch (Exception e) {
                unitOfWork.rollback(e);
                throw new IllegalStateException("replay stopped at event " + current.getIdentifier() + " ("
                        + current.getPayloadType().getSimpleName() + ", " + current.trackingToken() + ") in "
                        + handler.getTargetType().getSimpleName() + ": " + e.getMessage(), e);
            }
            unitOfWork.commit();
        }
    }

    /** Records the replay complete, and puts it in the place of any earlier replay of the same instant. */
    private void finish(ReadModelSchema building, ReadModelSchema target, Instant asOf, String processingGroup,
                        long events) {
        Instant replayedAt = clock.instant();
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status -> {
            jdbc.update("INSERT INTO " + building.name() + "." + RECORD
                            + " (as_of, processing_groups, events, replayed_at, last_used) VALUES (?, ?, ?, ?, ?)",
                    Timestamp.from(asOf), processingGroup == null ? String.join(",", PROJECTIONS.keySet())
                            : processingGroup, events, Timestamp.from(replayedAt), Timestamp.from(replayedAt));
            jdbc.execute("DROP SCHEMA IF EXISTS " + target.name() + " CASCADE");
            jdbc.execute("ALTER SCHEMA " + building.name() + " RENAME TO " + target.name());
        });
    }

    private static Map<String, Function<NamedParameterJdbcTemplate, Object>> projections() {
        Map<String, Function<NamedParameterJdbcTemplate, Object>> projections = new LinkedHashMap<>();
        projections.put(MachineStatusProjection.PROCESSING_GROUP, MachineStatusProjection::new);
        projections.put(CharacteristicProjection.PROCESSING_GROUP, CharacteristicProjection::new);
        projections.put(PartGenealogyProjection.PROCESSING_GROUP, PartGenealogyProjection::new);
        // nobody subscribes to a replay's chart updates; the emitter only has to accept them
        projections.put("spc-chart", jdbc -> new SpcChartProjection(jdbc, SimpleQueryUpdateEmitter.builder().build()));
        projections.put(GaugeProjection.PROCESSING_GROUP, GaugeProjection::new);
        projections.put(NonConformanceProjection.PROCESSING_GROUP, NonConformanceProjection::new);
        projections.put(WorkOrderProjection.PROCESSING_GROUP, WorkOrderProjection::new);
        return projections;
    }
}
