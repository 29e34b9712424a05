package cn.studyledger.config;

import cn.studyledger.common.ProblemTypes;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains over one login: {@code /api/**} answers 401/403 as problem details, pages redirect to the
 * login form. CSRF is on for both (htmx sends the token as a header; the API takes it only there, see
 * {@link HeaderCsrf}). Authorisation of each action is on the
 * service methods ({@code @PreAuthorize} plus the data-scope check); here only "signed in" is required.
 */
@Configuration
@EnableMethodSecurity
@ConditionalOnWebApplication
class SecurityConfig {

    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
            + " script-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .csrf(csrf -> csrf.csrfTokenRequestHandler(new HeaderCsrf()))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) ->
                                problem(response, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "请先登录"))
                        .accessDeniedHandler((request, response, ex) ->
                                problem(response, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "无权执行此操作")))
                .headers(this::headers);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
                        .permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint())
                        .hasRole("SYS_ADMIN")
                        .requestMatchers("/login", "/error", "/webjars/**", "/assets/**", "/favicon.ico")
                        .permitAll()
                        // the meeting-room screen's display link: its token is the permission (ParticipationService)
                        .requestMatchers(HttpMethod.GET, "/display/checkin/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/", true)
                        .failureHandler((request, response, ex) -> {
                            if (DatabaseUnavailable.causedBy(ex)) {
                                throw ex; // the 503 page of DatabaseUnavailableFilter, not "wrong password"
                            }
                            // unknown account, wrong password, locked, disabled, expired code, throttled address:
                            // one answer, so it tells an attacker nothing; the audit log records the reason
                            response.sendRedirect(request.getContextPath() + "/login?error");
                        })
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(this::headers);
        return http.build();
    }

    private void headers(
            org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                .referrerPolicy(referrer ->
                        referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(frame -> frame.deny());
    }

    private static void problem(HttpServletResponse response, HttpStatus status, java.net.URI type, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write("{\"type\":\"" + type + "\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                        + status.value() + ",\"detail\":\"" + detail + "\"}");
    }
}
