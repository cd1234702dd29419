package io.cncvision.app.commandbus;

import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.distributed.AnnotationRoutingStrategy;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The local command bus: commands grouped into shared transactions when events are stored in PostgreSQL.
 * With Axon Server storing events, Axon's own command bus is used instead.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class CommandBusConfiguration {

    /**
     * JDBC connections follow the Spring transaction of the thread. Axon's default wrapper commits the
     * connection itself when a unit of work commits, which would end a group's transaction early.
     */
    @Bean
    public ConnectionProvider connectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    @Bean(destroyMethod = "shutdown")
    @Qualifier("localSegment")
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
    public BatchingCommandBus commandBus(PlatformTransactionManager transactionManager, Configuration configuration,
                                         DuplicateCommandHandlerResolver duplicateCommandHandlerResolver,
                                         Cache aggregateCache, CommandGrouping grouping) {
        SimpleCommandBus.Builder builder = SimpleCommandBus.builder()
                // The group's transaction is the transaction; a unit of work opens none of its own.
                .transactionManager(NoTransactionManager.INSTANCE)
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(configuration.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(configuration.messageMonitor(CommandBus.class, "commandBus"));
        BatchingCommandBus commandBus = new BatchingCommandBus(builder, transactionManager,
                AnnotationRoutingStrategy.builder().build(), aggregateCache, grouping);
        commandBus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(configuration.correlationDataProviders()));
        return commandBus;
    }
}
