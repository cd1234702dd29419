package io.cncvision.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Spring Boot assembly of every module of cncvision. */
@SpringBootApplication(scanBasePackages = "io.cncvision")
@ConfigurationPropertiesScan("io.cncvision")
public class CncvisionApplication {

    static {
        // A shop-floor platform does not phone home: Axon's usage reporting stays off unless asked for.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }
}
