package dev.registrar.reporting;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Hands controllers the {@link Auditor} that {@link AuditorKeyFilter} authenticated. */
@Configuration
class CurrentAuditor implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Auditor.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        Object auditor = request.getAttribute(AuditorKeyFilter.AUDITOR_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (!(auditor instanceof Auditor authenticated)) {
            throw new IllegalStateException("no authenticated auditor");
        }
        return authenticated;
    }
}
