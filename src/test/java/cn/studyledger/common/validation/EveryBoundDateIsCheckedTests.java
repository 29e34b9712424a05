package cn.studyledger.common.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.validation.Valid;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Controller;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every date a page or the API binds from a request — a handler parameter, or a component of a record the handler
 * binds (form, JSON body, nested rows) — carries {@link RecordDate} or {@link BirthDate}, and the record is
 * validated ({@code @Valid}). So a new form cannot store the year 20250 or 1899 by forgetting a check.
 */
class EveryBoundDateIsCheckedTests {

    @Test
    void everyDateAHandlerBindsIsBounded() {
        Set<String> unchecked = new java.util.TreeSet<>();
        int dates = 0;
        for (JavaClass javaClass : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.studyledger")) {
            Class<?> type = javaClass.reflect();
            if (!AnnotatedElementUtils.hasAnnotation(type, Controller.class)) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                if (!AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class)) {
                    continue;
                }
                for (Parameter parameter : method.getParameters()) {
                    String where = type.getSimpleName() + "." + method.getName() + "(" + parameter.getName() + ")";
                    if (parameter.getType() == LocalDate.class) {
                        dates++;
                        if (!bounded(parameter)) {
                            unchecked.add(where);
                        }
                    } else if (parameter.getType().isRecord()) {
                        List<String> inRecord = new ArrayList<>();
                        int found = datesOf(parameter.getType(), inRecord, new HashSet<>());
                        dates += found;
                        unchecked.addAll(inRecord);
                        boolean validated = parameter.isAnnotationPresent(Valid.class)
                                || parameter.isAnnotationPresent(Validated.class);
                        if (found > 0 && !validated) {
                            unchecked.add(where + " is not @Valid");
                        }
                    }
                }
            }
        }
        assertThat(dates).as("dates bound by handlers").isGreaterThan(20);
        assertThat(unchecked).as("dates bound without @RecordDate / @BirthDate").isEmpty();
    }

    private static int datesOf(Class<?> record, List<String> unchecked, Set<Class<?>> seen) {
        if (!seen.add(record)) {
            return 0;
        }
        int dates = 0;
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getType() == LocalDate.class) {
                dates++;
                try {
                    var field = record.getDeclaredField(component.getName());
                    if (!bounded(field)) {
                        unchecked.add(record.getSimpleName() + "." + component.getName());
                    }
                } catch (NoSuchFieldException e) {
                    throw new IllegalStateException(e);
                }
            }
            for (Class<?> nested : recordsIn(component.getGenericType())) {
                dates += datesOf(nested, unchecked, seen);
            }
        }
        return dates;
    }

    private static List<Class<?>> recordsIn(Type type) {
        List<Class<?>> records = new ArrayList<>();
        if (type instanceof Class<?> c && c.isRecord()) {
            records.add(c);
        } else if (type instanceof ParameterizedType p) {
            for (Type argument : p.getActualTypeArguments()) {
                records.addAll(recordsIn(argument));
            }
        }
        return records;
    }

    private static boolean bounded(java.lang.reflect.AnnotatedElement element) {
        return element.isAnnotationPresent(RecordDate.class) || element.isAnnotationPresent(BirthDate.class);
    }
}
