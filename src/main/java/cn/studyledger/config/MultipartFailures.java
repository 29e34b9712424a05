package cn.studyledger.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.WebUtils;

/**
 * A multipart body the container refuses (over {@code spring.servlet.multipart.max-request-size}, or broken) fails
 * before any handler is chosen, so no controller advice sees it. Left to Spring's default resolver, the error
 * dispatch parses the same body again, fails again and answers an empty 413. Marking the request with the failure
 * lets the dispatcher skip that second parse, and the error page ({@code config.web.ErrorAnswers}) writes the problem detail or the page.
 */
@Component
class MultipartFailures implements HandlerExceptionResolver, Ordered {

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        if (!(e instanceof MultipartException) || handler != null) {
            return null;
        }
        request.setAttribute(WebUtils.ERROR_EXCEPTION_ATTRIBUTE, e);
        try {
            response.sendError(
                    e instanceof MaxUploadSizeExceededException
                            ? HttpStatus.CONTENT_TOO_LARGE.value()
                            : HttpStatus.BAD_REQUEST.value());
        } catch (IOException io) {
            return null;
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
