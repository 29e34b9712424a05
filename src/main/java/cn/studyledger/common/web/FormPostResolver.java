package cn.studyledger.common.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.DataBinder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

/**
 * Gives a page handler its {@link FormPost} as an argument, over the request's model and redirect attributes, so
 * that no handler passes those through itself. The redirect attributes are set up as Spring's own resolver of
 * {@code RedirectAttributes} does; a handler takes one or the other, not both.
 */
@Component
class FormPostResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == FormPost.class;
    }

    @Override
    public FormPost resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binders)
            throws Exception {
        var redirect = new RedirectAttributesModelMap(
                binders == null ? null : binders.createBinder(request, null, DataBinder.DEFAULT_OBJECT_NAME));
        container.setRedirectModel(redirect);
        return new FormPost(
                (Model) container.getModel(), redirect, request.getNativeResponse(HttpServletResponse.class));
    }
}
