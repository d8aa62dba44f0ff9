package dev.registrar.infra;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against the real servers it names. They start once per test run
 * (one JVM), from empty data, and stop when the run ends; Spring Boot tests find them through
 * the standard properties ({@code spring.datasource.*}, {@code spring.kafka.bootstrap-servers},
 * {@code spring.elasticsearch.uris}), set as system properties before any context starts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(LocalServersExtension.class)
public @interface WithLocalServers {

    Server[] value() default {Server.POSTGRES, Server.KAFKA, Server.ELASTICSEARCH};
}
