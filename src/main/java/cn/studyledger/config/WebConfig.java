package cn.studyledger.config;

import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.validation.InputLimits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/**
 * Chinese locale everywhere, the bounds of every request's input ({@link InputGuard}, {@link JsonText}), and the
 * forced change of an initial password outside demo mode.
 */
@Configuration
class WebConfig implements WebMvcConfigurer {

    private final boolean demoMode;
    private final InputLimits limits;

    WebConfig(@Value("${ledger.demo-mode:false}") boolean demoMode, InputLimits limits) {
        this.demoMode = demoMode;
        this.limits = limits;
    }

    /** Picked up by Spring Boot's Jackson auto-configuration for every JSON body the API reads. */
    @Bean
    JsonText jsonText() {
        return new JsonText();
    }

    @Bean
    LocaleResolver localeResolver() {
        return new FixedLocaleResolver(Locale.SIMPLIFIED_CHINESE);
    }

    /** Browsers that ask for /favicon.ico without reading the pages' icon link get the same icon. */
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/favicon.ico", "/assets/favicon.svg");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new InputGuard(limits))
                .excludePathPatterns("/error", "/webjars/**", "/assets/**", "/favicon.ico");
        registry.addInterceptor(new HtmxFragments());
        if (demoMode) {
            return;
        }
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                            throws Exception {
                        if (CurrentUser.find().map(u -> u.mustChangePassword()).orElse(false)) {
                            response.sendRedirect(request.getContextPath() + "/account/password?required");
                            return false;
                        }
                        return true;
                    }
                })
                .excludePathPatterns(
                        "/account/password",
                        "/login",
                        "/logout",
                        "/error",
                        "/webjars/**",
                        "/assets/**",
                        "/favicon.ico");
    }
}
