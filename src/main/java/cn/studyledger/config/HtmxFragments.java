package cn.studyledger.config;

import cn.studyledger.common.web.HtmxFragment;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/** Renders only the {@link HtmxFragment} of a page's view for an htmx request; redirects and fragments stay. */
class HtmxFragments implements HandlerInterceptor {

    static final String HEADER = "HX-Request";

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (view == null || request.getHeader(HEADER) == null || !(handler instanceof HandlerMethod method)) {
            return;
        }
        HtmxFragment fragment = method.getMethodAnnotation(HtmxFragment.class);
        String name = view.getViewName();
        if (fragment != null && name != null && !name.startsWith("redirect:") && !name.contains("::")) {
            view.setViewName(name + " :: " + fragment.value());
        }
    }
}
