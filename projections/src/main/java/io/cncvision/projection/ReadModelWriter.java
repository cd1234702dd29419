package io.cncvision.projection;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * Writes a projection's statements. Inside an event processor's batch they are held until the batch
 * prepares to commit, then sent in order, each run of the same statement as one JDBC batch: one round
 * trip for many events instead of one each. Outside a unit of work (a test calling a handler) a
 * statement runs at once.
 */
public final class ReadModelWriter {

    private final NamedParameterJdbcTemplate jdbc;
    private final String resourceKey;

    public ReadModelWriter(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.resourceKey = ReadModelWriter.class.getName() + "@" + System.identityHashCode(this);
    }

    public void update(String sql, SqlParameterSource parameters) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, parameters);
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        Pending pending = unitOfWork.getOrComputeResource(resourceKey, key -> {
            Pending created = new Pending();
            unitOfWork.onPrepareCommit(u -> created.flush(jdbc));
            return created;
        });
        pending.add(sql, parameters);
    }

    /** The statements of one batch, in the order the events asked for them. */
    private static final class Pending {

        private final List<String> statements = new ArrayList<>();
        private final List<SqlParameterSource> parameters = new ArrayList<>();

        void add(String sql, SqlParameterSource values) {
            statements.add(sql);
            parameters.add(values);
        }

        void flush(NamedParameterJdbcTemplate jdbc) {
            int start = 0;
            while (start < statements.size()) {
                String sql = statements.get(start);
                int end = start + 1;
                while (end < statements.size() && statements.get(end).equals(sql)) {
                    end++;
                }
                if (end - start == 1) {
                    jdbc.update(sql, parameters.get(start));
                } else {
                    jdbc.batchUpdate(sql, parameters.subList(start, end).toArray(SqlParameterSource[]::new));
                }
                start = end;
            }
        }
    }
}
