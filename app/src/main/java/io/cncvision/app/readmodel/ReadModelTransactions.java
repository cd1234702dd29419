package io.cncvision.app.readmodel;

import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Read-model transactions commit without waiting for their WAL flush. A read model is derived: its rows
 * and its tracking token commit together, so a crash can only lose the last moments of both, and the
 * processor then reads those events again from the event store, which does wait for every flush.
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelTransactions {

    @Bean
    public ConfigurerModule readModelTransactionManagers(TransactionManager transactionManager, DataSource dataSource,
                                                         @Value("${cncvision.read-models.groups}") List<String> groups) {
        TransactionManager asynchronousCommit = new AsynchronousCommitTransactionManager(transactionManager,
                new JdbcTemplate(dataSource));
        return configurer -> configurer.eventProcessing(processing ->
                groups.forEach(group -> processing.registerTransactionManager(group, config -> asynchronousCommit)));
    }

    /** Starts the usual transaction, then tells PostgreSQL not to wait for this transaction's flush. */
    record AsynchronousCommitTransactionManager(TransactionManager delegate, JdbcTemplate jdbc)
            implements TransactionManager {

        @Override
        public Transaction startTransaction() {
            Transaction transaction = delegate.startTransaction();
            jdbc.execute("SET LOCAL synchronous_commit TO OFF");
            return transaction;
        }
    }
}
