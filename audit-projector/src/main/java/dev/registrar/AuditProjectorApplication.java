package dev.registrar;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class AuditProjectorApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuditProjectorApplication.class, args);
    }
}
