package fi.polku.handover;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(HandoverProperties.class)
class HandoverConfig {}
