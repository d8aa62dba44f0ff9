package dev.registrar.web;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxBodyBytes       the largest request body any endpoint reads
 * @param maxTokenBatchBytes the largest body of a token batch (up to 1,000 tokens)
 * @param maxJsonDepth       the deepest nesting of objects and arrays any JSON body may have
 */
@Validated
@ConfigurationProperties("registrar.web")
record RequestLimits(
        @Min(1024) @DefaultValue("65536") int maxBodyBytes,
        @Min(1024) @DefaultValue("2097152") int maxTokenBatchBytes,
        @Min(4) @DefaultValue("16") int maxJsonDepth) {

    int maxBodyBytesFor(String path) {
        return path.equals("/api/v1/tokens/batch") ? maxTokenBatchBytes : maxBodyBytes;
    }
}
