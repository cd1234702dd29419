package io.cncvision.app.deadline;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManagerSupplier;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deadlines that survive a restart: Axon's default deadline manager keeps them in memory, so a calibration due in
 * six months would be forgotten at the next start. db-scheduler keeps them in {@code axon.scheduled_tasks}
 * ({@code V2026_11_25_1720__deadlines.sql}), and one that fell due while the platform was down fires when it is up.
 *
 * <p>The scheduler is deliberately not a bean: Axon's db-scheduler auto-configuration would take a Scheduler bean
 * as its cue to replace the event scheduler too.
 */
@Configuration(proxyBeanMethods = false)
public class DeadlineConfiguration {

    static final String TABLE = "axon.scheduled_tasks";

    private final DbSchedulerDeadlineManagerSupplier deadlineManager = new DbSchedulerDeadlineManagerSupplier();

    @Bean
    PersistentDeadlines persistentDeadlines(DataSource dataSource,
                                            @Value("${cncvision.deadlines.polling-interval}") Duration pollingInterval,
                                            @Value("${cncvision.deadlines.threads}") int threads) {
        return new PersistentDeadlines(Scheduler.create(dataSource, DbSchedulerDeadlineManager.binaryTask(deadlineManager))
                .tableName(TABLE)
                .pollingInterval(pollingInterval)
                .threads(threads)
                .build());
    }

    @Bean
    public DeadlineManager deadlineManager(PersistentDeadlines persistentDeadlines,
                                           org.axonframework.config.Configuration configuration,
                                           @Qualifier("eventSerializer") Serializer serializer,
                                           TransactionManager transactionManager,
                                           DeadlineManagerSpanFactory spanFactory) {
        DbSchedulerDeadlineManager manager = DbSchedulerDeadlineManager.builder()
                .scheduler(persistentDeadlines.scheduler())
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                // PersistentDeadlines starts and stops the scheduler with the application.
                .startScheduler(false)
                .stopScheduler(false)
                .build();
        deadlineManager.set(manager);
        return manager;
    }
}
