package cn.studyledger.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * CSRF for {@code /api/**}: the token is accepted only in the {@code X-CSRF-TOKEN} header. A form field or query
 * parameter can be planted by any page that posts to us (a form on another site, a link); a custom header can only
 * be set by a script of our own origin. Pages keep the form field (their forms post it).
 */
final class HeaderCsrf implements CsrfTokenRequestHandler {

    private final XorCsrfTokenRequestAttributeHandler standard = new XorCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
        standard.handle(request, response, token);
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
        return request.getHeader(token.getHeaderName()) == null ? null : standard.resolveCsrfTokenValue(request, token);
    }
}
