package io.cncvision.app.chain;

import io.cncvision.app.store.GroupCommitEventStore;
import io.cncvision.audit.chain.ChainExtender;
import io.cncvision.audit.key.AuditKeys;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit chain over the JDBC event store: proofs written with the events, one chainer extending the chain.
 * Off with Axon Server, which keeps the events itself.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
public class AuditChainConfiguration {

    /** The batch the chainer reads and chains in one transaction. */
    private static final int CHAIN_BATCH = 10_000;

    @Bean
    public AuditKeys auditKeys(@Value("${cncvision.data-dir}") Path dataDir) {
        return AuditKeys.loadOrCreate(dataDir);
    }

    @Bean
    public EventProofWriter eventProofWriter(DataSource dataSource, AuditKeys auditKeys) {
        return new EventProofWriter(dataSource, auditKeys);
    }

    @Bean
    public Chainer chainer(DataSource dataSource, AuditKeys auditKeys, GroupCommitEventStore eventStore, Clock clock,
                           @Value("${cncvision.audit.chain.gap-timeout:60s}") Duration gapTimeout,
                           @Value("${cncvision.audit.chain.checkpoint-interval:1000}") int checkpointInterval,
                           @Value("${cncvision.audit.chain.poll-interval:1s}") Duration pollInterval) {
        Chainer chainer = new Chainer(dataSource, new ChainExtender(auditKeys, clock, gapTimeout,
                CHAIN_BATCH, checkpointInterval), pollInterval);
        eventStore.onEventsCommitted(chainer::eventsCommitted);
        return chainer;
    }
}
