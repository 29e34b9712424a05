package cn.studyledger.config.web;

import cn.studyledger.common.ProblemTypes;
import cn.studyledger.config.DatabaseUnavailable;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer to every error that no controller advice answered: an unknown path, a refused multipart upload, a
 * failure inside a filter (the login form) or the container. Under {@code /api/**} a problem detail like those of
 * the API exception handler, everywhere else the Chinese error page — never Spring Boot's default JSON, whatever
 * the client accepts. Replaces Boot's {@code BasicErrorController}.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorAnswers implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorAnswers.class);

    private final JsonMapper json;

    ErrorAnswers(JsonMapper json) {
        this.json = json;
    }

    @RequestMapping
    ModelAndView error(HttpServletRequest request) {
        HttpStatus status = status(request);
        String message = message(status, request);
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        if (uri.startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
            URI type = type(status);
            if (type != null) {
                problem.setType(type);
            }
            problem.setInstance(
                    URI.create(uri.substring(request.getContextPath().length())));
            View view = (model, req, response) -> {
                response.setStatus(status.value());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                json.writeValue(response.getOutputStream(), problem);
            };
            return new ModelAndView(view);
        }
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("message", message);
        return page;
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String message(HttpStatus status, HttpServletRequest request) {
        return switch (status) {
            case BAD_REQUEST -> "请求的参数有误，请检查后重试";
            case UNAUTHORIZED -> "请先登录";
            case FORBIDDEN -> "您没有执行此操作的权限";
            case NOT_FOUND -> "您访问的页面或接口不存在";
            case METHOD_NOT_ALLOWED -> "不支持此请求方式";
            case CONTENT_TOO_LARGE -> "上传的文件超过大小上限，请压缩或拆分后重试";
            case UNSUPPORTED_MEDIA_TYPE -> "不支持此内容类型";
            case SERVICE_UNAVAILABLE -> DatabaseUnavailable.MESSAGE;
            default -> status.is5xxServerError() ? unexpected(request) : "请求无法完成，请返回重试";
        };
    }

    /** Logged once here with an id the user can quote; nothing of the failure in the answer. */
    private static String unexpected(HttpServletRequest request) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        log.error("request failed [{}] {}", id, request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), (Throwable)
                request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        return "系统内部错误，请稍后重试；如问题持续，请向管理员提供编号 " + id;
    }

    private static URI type(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> ProblemTypes.NOT_FOUND;
            case UNAUTHORIZED -> ProblemTypes.UNAUTHENTICATED;
            case FORBIDDEN -> ProblemTypes.FORBIDDEN;
            case SERVICE_UNAVAILABLE -> ProblemTypes.UNAVAILABLE;
            default -> status.is4xxClientError() ? ProblemTypes.VALIDATION : null;
        };
    }
}
