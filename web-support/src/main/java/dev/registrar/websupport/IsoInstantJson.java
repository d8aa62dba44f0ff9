package dev.registrar.websupport;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every service's ObjectMapper — and with it Axon's serializer, the Kafka envelopes and the
 * Elasticsearch documents — writes and reads Instants through {@link IsoInstants}. Registered through
 * the builder, so they take precedence over the Java time module's.
 */
@Configuration(proxyBeanMethods = false)
class IsoInstantJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer isoInstants() {
        return builder -> builder.serializerByType(Instant.class, new Writer()).deserializerByType(Instant.class, new Reader());
    }

    static final class Writer extends StdScalarSerializer<Instant> {

        Writer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeString(IsoInstants.format(value));
        }
    }

    /** Anything but the canonical text (epoch numbers, offsets) goes to the Java time module's reader. */
    static final class Reader extends StdScalarDeserializer<Instant> {

        Reader() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser json, DeserializationContext context) throws IOException {
            if (json.hasToken(JsonToken.VALUE_STRING)) {
                Instant parsed = IsoInstants.parseOrNull(json.getText());
                if (parsed != null) {
                    return parsed;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(json, context);
        }
    }
}
