package dev.registrar.projector;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Applies the index templates while the application starts, before any listener consumes: a
 * document written before its template would get a guessed mapping for the life of its index.
 */
@Component
class IndexTemplates implements InitializingBean {

    private final ElasticsearchClient client;
    private final ProjectorProperties properties;

    IndexTemplates(ElasticsearchClient client, ProjectorProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() throws IOException {
        EventLogIndex.applyTemplate(client, properties.replicas());
        TokenIndex.applyTemplate(client, properties.replicas());
        SecurityIndex.applyTemplate(client, properties.replicas());
        KeyUsageIndex.applyTemplate(client, properties.replicas());
        ClientIndex.applyTemplate(client, properties.replicas());
        AlertIndex.applyTemplate(client, properties.replicas());
    }
}
