package io.cncvision.app.workorder;

import io.cncvision.saga.maintenance.WorkOrderAllowance;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How long maintenance may take once started before the maintenance saga escalates it. */
@Configuration(proxyBeanMethods = false)
public class WorkOrderConfiguration {

    @Bean
    public WorkOrderAllowance workOrderAllowance(
            @Value("${cncvision.maintenance.work-order-completion-allowance}") Duration completion) {
        return new WorkOrderAllowance(completion);
    }
}
