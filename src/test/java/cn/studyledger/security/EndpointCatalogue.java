package cn.studyledger.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page and API endpoint of the application as the handler mappings know it, and the rule table
 * ({@code security/endpoint-rules.csv}) saying which demo user may get through each one.
 */
final class EndpointCatalogue {

    /** The demo users of DESIGN.md §7 plus the anonymous visitor, in the order the rule table lists them. */
    static final List<String> USERS = List.of(
            "anonymous",
            "admin",
            "secadmin",
            "auditor",
            "clerk",
            "leader",
            "deputy",
            "member",
            "observer",
            "unitclerk",
            "superior");

    /**
     * One HTTP method on one path pattern, with what its handler consumes ({@code handlerMethod}: the handler
     * itself, for suites that build their own input from its parameters).
     */
    record Endpoint(
            String method,
            String pattern,
            boolean multipart,
            String handler,
            Map<String, String> params,
            String body,
            HandlerMethod handlerMethod,
            List<String> fileParts,
            Map<String, String> jsonParts,
            List<String> listFields)
            implements Comparable<Endpoint> {

        String key() {
            return method + " " + pattern;
        }

        boolean write() {
            return !method.equals("GET");
        }

        boolean api() {
            return pattern.startsWith("/api/");
        }

        @Override
        public int compareTo(Endpoint other) {
            return key().compareTo(other.key());
        }
    }

    /** One line of the rule table: who gets through, and flags ({@code slow}: check one allowed user only). */
    record Rule(String method, String pattern, Set<String> allowed, Set<String> flags, int line) {

        String key() {
            return method + " " + pattern;
        }

        boolean allows(String user) {
            return allowed.contains(user);
        }
    }

    private EndpointCatalogue() {}

    /** The application's own endpoints; the error page and springdoc's are checked elsewhere. */
    static List<Endpoint> endpoints(RequestMappingHandlerMapping mapping) {
        return endpoints(mapping, false);
    }

    /**
     * Every handler that takes uploaded files, including the multipart twin of a JSON endpoint (which
     * {@link #endpoints} folds into the JSON one, as both share a rule).
     */
    static List<Endpoint> uploads(RequestMappingHandlerMapping mapping) {
        return endpoints(mapping, true).stream()
                .filter(e -> !e.fileParts().isEmpty())
                .toList();
    }

    private static List<Endpoint> endpoints(RequestMappingHandlerMapping mapping, boolean uploads) {
        Map<String, Endpoint> found = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (!handler.getBeanType().getName().startsWith("cn.studyledger.")
                    || ErrorController.class.isAssignableFrom(handler.getBeanType())) {
                continue; // the error page answers the container's error dispatch: BadInputTests,
                // ErrorAnswersOverHttpTests
            }
            RequestMappingInfo info = entry.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            List<String> names = methods.isEmpty()
                    ? List.of("GET", "POST")
                    : methods.stream().map(Enum::name).toList();
            boolean multipart = info.getConsumesCondition().getConsumableMediaTypes().stream()
                            .anyMatch(MediaType.MULTIPART_FORM_DATA::includes)
                    || SampleInput.takesFiles(handler);
            for (String pattern : info.getPatternValues()) {
                for (String method : names) {
                    Endpoint endpoint = new Endpoint(
                            method,
                            pattern,
                            multipart,
                            handler.getBeanType().getSimpleName() + "."
                                    + handler.getMethod().getName(),
                            SampleInput.requiredParams(handler),
                            SampleInput.body(handler),
                            handler,
                            SampleInput.fileParts(handler),
                            SampleInput.jsonParts(handler),
                            SampleInput.listFields(handler));
                    // Two handlers of one pattern that differ by content type share a rule; prefer the JSON one
                    // (or, listing uploads, the one that takes files).
                    found.merge(endpoint.key(), endpoint, (a, b) -> a.multipart() == uploads ? a : b);
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    static List<Rule> rules() throws IOException {
        List<Rule> rules = new ArrayList<>();
        try (InputStream in = EndpointCatalogue.class.getResourceAsStream("/security/endpoint-rules.csv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String text = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
                if (text.isBlank()) {
                    continue;
                }
                String[] cells = text.split(",", -1);
                if (cells.length < 3) {
                    throw new IllegalStateException(
                            "endpoint-rules.csv line " + number + ": method,pattern,users[,flags]");
                }
                Set<String> allowed = new LinkedHashSet<>();
                for (String user : cells[2].trim().split("\\s+")) {
                    if (user.equals("-") || user.isEmpty()) {
                        continue;
                    }
                    if (user.equals("all")) {
                        allowed.addAll(USERS.subList(1, USERS.size()));
                    } else if (USERS.contains(user)) {
                        allowed.add(user);
                    } else {
                        throw new IllegalStateException("endpoint-rules.csv line " + number + ": unknown user " + user);
                    }
                }
                Set<String> flags = cells.length > 3
                        ? new LinkedHashSet<>(Arrays.asList(cells[3].trim().split("\\s+")))
                        : Set.of();
                rules.add(new Rule(cells[0].trim(), cells[1].trim(), allowed, flags, number));
            }
        }
        return rules;
    }

    static Map<String, List<Rule>> byKey(List<Rule> rules) {
        Map<String, List<Rule>> map = new LinkedHashMap<>();
        for (Rule rule : rules) {
            map.computeIfAbsent(rule.key(), k -> new ArrayList<>()).add(rule);
        }
        return map;
    }
}
