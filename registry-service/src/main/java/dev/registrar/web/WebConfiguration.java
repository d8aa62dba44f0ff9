package dev.registrar.web;

import com.fasterxml.jackson.core.StreamReadConstraints;
import java.util.List;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
class WebConfiguration implements WebMvcConfigurer {

    private final CurrentCaller currentCaller;

    WebConfiguration(CurrentCaller currentCaller) {
        this.currentCaller = currentCaller;
    }

    /** No JSON body may nest deeper than the limit: a deep document costs the parser, never the caller. */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer jsonDepthLimit(RequestLimits limits) {
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(limits.maxJsonDepth()).build()));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(currentCaller);
    }
}
