package fi.polku.healthcheck;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Path 2's properties (the timers' waits). */
@Configuration
@EnableConfigurationProperties(HealthCheckProperties.class)
class HealthCheckConfig {}
