package cn.studyledger.config;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Handlers of a page and of the API that stand in for the modules' controllers in a {@link WebLayerTest}. Test
 * components, so the application's component scan leaves them out of every other context; the slice imports them.
 */
final class StubHandlers {

    private StubHandlers() {}

    @TestComponent
    @Controller
    static class Page {

        @GetMapping("/stub")
        @ResponseBody
        String page() {
            return "页面";
        }

        @PostMapping("/stub")
        @ResponseBody
        String write() {
            return "已保存";
        }

        @GetMapping("/stub/database-down")
        String databaseDown() {
            throw DatabaseUnavailableIsA503Tests.NO_CONNECTION;
        }
    }

    @TestComponent
    @RestController
    static class Api {

        @PostMapping("/api/v1/stub")
        String write() {
            return "已保存";
        }

        @GetMapping("/api/v1/stub/database-down")
        String databaseDown() {
            throw DatabaseUnavailableIsA503Tests.NO_CONNECTION;
        }

        @GetMapping("/api/v1/stub/bug")
        String bug() {
            throw new IllegalStateException("bug");
        }
    }
}
