package cn.studyledger.config;

import cn.studyledger.common.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/** Chinese locale everywhere, and the forced change of an initial password outside demo mode. */
@Configuration
class WebConfig implements WebMvcConfigurer {

    private final boolean demoMode;

    WebConfig(@Value("${ledger.demo-mode:false}") boolean demoMode) {
        this.demoMode = demoMode;
    }

    @Bean
    LocaleResolver localeResolver() {
        return new FixedLocaleResolver(Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
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
                .excludePathPatterns("/account/password", "/login", "/logout", "/error", "/webjars/**", "/assets/**");
    }
}
