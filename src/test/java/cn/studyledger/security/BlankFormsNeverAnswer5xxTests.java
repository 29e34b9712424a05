package cn.studyledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.IntegrationTest;
import cn.studyledger.security.EndpointCatalogue.Endpoint;
import cn.studyledger.security.EndpointCatalogue.Rule;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * No page form answers 5xx for anything a user can type: every page form of the catalogue is sent by a user it
 * admits with nothing filled in, with each field in turn blank, and with its list rows (agenda, attendance …) blank
 * or blank with gaps between their indexes; and with text typed where a number, a date or a choice belongs, in each
 * field and in each row's fields (a record command left unmade sends the user back to the form's page). Each request
 * runs in a transaction rolled back afterwards ({@link Writes}).
 */
@IntegrationTest
class BlankFormsNeverAnswer5xxTests {

    /** Text no number, date or choice field can read. */
    static final String UNREADABLE = "abc";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Value("${ledger.files.dir}")
    Path filesDir;

    @Test
    void everyPageFormTakesBlankInputWithoutAServerError() throws Exception {
        Map<String, List<Rule>> rules = EndpointCatalogue.byKey(EndpointCatalogue.rules());
        DemoRecords records = new DemoRecords(jdbc);
        Writes writes = new Writes(
                mvc, accounts, jdbc, transactions, filesDir.toAbsolutePath().normalize());
        List<String> failures = new ArrayList<>();
        int forms = 0;
        int sent = 0;
        for (Endpoint endpoint : EndpointCatalogue.endpoints(mapping)) {
            if (!endpoint.write() || endpoint.api()) {
                continue;
            }
            List<Rule> rule = rules.getOrDefault(endpoint.key(), List.of());
            List<String> users = rule.size() == 1 ? Writes.candidates(rule.get(0)) : List.of();
            if (users.isEmpty()) {
                continue;
            }
            String user = users.get(0);
            forms++;
            String url = records.fill(endpoint.pattern()).url();
            for (Map<String, String> form : blankVariants(endpoint)) {
                sent++;
                Writes.Sent answer = writes.send(endpoint, url, user, form, null, null);
                if (answer.status() >= 500) {
                    failures.add(endpoint.key() + " as " + user + " with " + form + ": " + answer.status() + " "
                            + answer.body());
                }
            }
        }
        assertThat(forms).as("page forms tried").isGreaterThan(100);
        assertThat(sent).as("requests sent").isGreaterThan(forms * 2);
        assertThat(failures).isEmpty();
    }

    /**
     * Nothing; every field but one filled, the one blank or holding text where a number, a date or a choice belongs;
     * and list rows left blank, with text in each of their fields, or with a gap before the row.
     */
    private static List<Map<String, String>> blankVariants(Endpoint endpoint) {
        List<Map<String, String>> variants = new ArrayList<>();
        variants.add(Map.of());
        Map<String, String> full = endpoint.params();
        for (String field : full.keySet()) {
            for (String typed : List.of("", UNREADABLE)) {
                Map<String, String> one = new LinkedHashMap<>(full);
                one.put(field, typed);
                variants.add(one);
            }
        }
        for (Map.Entry<String, List<String>> list : rowFields(endpoint).entrySet()) {
            for (String typed : List.of("", UNREADABLE)) {
                Map<String, String> row = new LinkedHashMap<>(full);
                list.getValue().forEach(c -> row.put(list.getKey() + "[0]." + c, typed));
                variants.add(row);
            }
            if (!list.getValue().isEmpty()) {
                Map<String, String> gap = new LinkedHashMap<>(full);
                gap.put(list.getKey() + "[1]." + list.getValue().get(0), "");
                gap.put(
                        list.getKey() + "[3]."
                                + list.getValue().get(list.getValue().size() - 1),
                        "");
                variants.add(gap);
            }
        }
        return variants;
    }

    /** The form's list fields whose rows are records, with the rows' field names. */
    private static Map<String, List<String>> rowFields(Endpoint endpoint) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (MethodParameter parameter : endpoint.handlerMethod().getMethodParameters()) {
            Class<?> type = parameter.getParameterType();
            if (!type.isRecord()) {
                continue;
            }
            for (RecordComponent component : type.getRecordComponents()) {
                if (endpoint.listFields().contains(component.getName())
                        && component.getGenericType() instanceof ParameterizedType list) {
                    Type element = list.getActualTypeArguments()[0];
                    if (element instanceof Class<?> row && row.isRecord()) {
                        List<String> names = new ArrayList<>();
                        for (RecordComponent c : row.getRecordComponents()) {
                            names.add(c.getName());
                        }
                        rows.put(component.getName(), names);
                    } else {
                        rows.put(component.getName(), List.of());
                    }
                }
            }
        }
        return rows;
    }
}
