package cn.studyledger.security;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;

/**
 * Plausible input for a handler, built from its parameter types, so that a request gets past binding and
 * validation and reaches the authorisation check: required request parameters and a JSON body whose record
 * components all carry a value. Only ever sent by users who must be refused, in a transaction rolled back.
 */
final class SampleInput {

    /** The text sent by default: harmless, valid for any text field. */
    static final String SAMPLE = "越权测试";

    private SampleInput() {}

    /** Every request parameter and form field the handler binds, with plausible sample values. */
    static Map<String, String> requiredParams(HandlerMethod handler) {
        return params(handler, (name, type) -> null);
    }

    /**
     * Chosen input for a field or parameter: the value for {@code name} of {@code type}, or {@code null} for the
     * plausible default. In a JSON body a non-text value is inserted as it is (a number, {@code [1, 2]}).
     */
    interface Chosen extends BiFunction<String, Class<?>, String> {}

    /**
     * Every request parameter and form field the handler binds, optional ones too, each with the {@code chosen}
     * value where it gives one: for suites that send chosen text through every field.
     */
    static Map<String, String> allParams(HandlerMethod handler, Chosen chosen) {
        return params(handler, chosen);
    }

    /**
     * The simple request parameters ({@code @RequestParam} of a text, number, enum, date or boolean type) the
     * handler binds, by name: what a search or filter form sends.
     */
    static Map<String, Class<?>> requestParamTypes(HandlerMethod handler) {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
            Class<?> type = parameter.getParameterType();
            if (annotation == null
                    || MultipartFile.class.isAssignableFrom(type)
                    || Map.class.isAssignableFrom(type)
                    || Collection.class.isAssignableFrom(type)
                    || type.isArray()) {
                continue;
            }
            String name = !annotation.name().isEmpty() ? annotation.name() : parameter.getParameterName();
            if (name != null) {
                types.put(name, type);
            }
        }
        return types;
    }

    private static Map<String, String> params(HandlerMethod handler, Chosen text) {
        Map<String, String> params = new LinkedHashMap<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
            Class<?> type = parameter.getParameterType();
            if (annotation == null && type.isRecord() && !parameter.hasParameterAnnotation(RequestBody.class)) {
                // a form object: every field filled, so validation passes and the refusal is the one tested
                for (RecordComponent component : type.getRecordComponents()) {
                    Class<?> field = component.getType();
                    if (!Collection.class.isAssignableFrom(field)
                            && !field.isArray()
                            && !Map.class.isAssignableFrom(field)
                            && !MultipartFile.class.isAssignableFrom(field)
                            && !field.isRecord()) {
                        params.put(component.getName(), value(field, component.getName(), text));
                    }
                }
                continue;
            }
            if (annotation == null || MultipartFile.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
                continue;
            }
            String name = !annotation.name().isEmpty() ? annotation.name() : parameter.getParameterName();
            if (name != null && !Collection.class.isAssignableFrom(type) && !type.isArray()) {
                params.put(name, value(type, name, text));
            }
        }
        return params;
    }

    static boolean takesFiles(HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            Class<?> type = parameter.getParameterType();
            if (MultipartFile.class.isAssignableFrom(type)
                    || (type.isArray() && MultipartFile.class.isAssignableFrom(type.getComponentType()))
                    || parameter.getGenericParameterType().getTypeName().contains(MultipartFile.class.getName())) {
                return true;
            }
        }
        return false;
    }

    /** The list fields of a form object (e.g. {@code authorIds}), which {@link #requiredParams} leaves out. */
    static List<String> listFields(HandlerMethod handler) {
        List<String> names = new ArrayList<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            Class<?> type = parameter.getParameterType();
            if (parameter.getParameterAnnotation(RequestParam.class) == null
                    && type.isRecord()
                    && !parameter.hasParameterAnnotation(RequestBody.class)
                    && !parameter.hasParameterAnnotation(RequestPart.class)) {
                for (RecordComponent component : type.getRecordComponents()) {
                    if (Collection.class.isAssignableFrom(component.getType())
                            && !component.getGenericType().getTypeName().contains(MultipartFile.class.getName())) {
                        names.add(component.getName());
                    }
                }
            }
        }
        return names;
    }

    /** The names of the parts that carry files (a single file or a list of them). */
    static List<String> fileParts(HandlerMethod handler) {
        List<String> names = new ArrayList<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            Class<?> type = parameter.getParameterType();
            boolean files = MultipartFile.class.isAssignableFrom(type)
                    || (type.isArray() && MultipartFile.class.isAssignableFrom(type.getComponentType()))
                    || parameter.getGenericParameterType().getTypeName().contains(MultipartFile.class.getName());
            if (files) {
                names.add(partName(parameter));
            }
        }
        return names;
    }

    /** JSON parts of a multipart request ({@code @RequestPart} of a record), with a sample value each. */
    static Map<String, String> jsonParts(HandlerMethod handler) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestPart.class)
                    && parameter.getParameterType().isRecord()) {
                parts.put(
                        partName(parameter),
                        json(parameter.getGenericParameterType(), 0, partName(parameter), (name, type) -> null));
            }
        }
        return parts;
    }

    private static String partName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
        String name = param != null ? param.name() : part != null ? part.name() : "";
        return name.isEmpty() ? parameter.getParameterName() : name;
    }

    static String body(HandlerMethod handler) {
        return body(handler, (name, type) -> null);
    }

    /** The JSON body with the {@code chosen} value in every component where it gives one. */
    static String body(HandlerMethod handler, Chosen text) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                return json(parameter.getGenericParameterType(), 0, parameter.getParameterName(), text);
            }
        }
        return "{}";
    }

    /** Whether the handler takes a JSON body. */
    static boolean takesBody(HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                return true;
            }
        }
        return false;
    }

    private static String json(Type type, int depth, String name, Chosen text) {
        Class<?> raw = raw(type);
        if (depth > 4 || raw == Object.class) {
            return "null";
        }
        if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            String chosen = text.apply(name, raw);
            return chosen == null ? "[]" : chosen;
        }
        if (Map.class.isAssignableFrom(raw)) {
            return "{}";
        }
        if (raw.isRecord()) {
            StringBuilder out = new StringBuilder("{");
            for (RecordComponent component : raw.getRecordComponents()) {
                if (out.length() > 1) {
                    out.append(',');
                }
                out.append('"')
                        .append(component.getName())
                        .append("\":")
                        .append(json(component.getGenericType(), depth + 1, component.getName(), text));
            }
            return out.append('}').toString();
        }
        if (raw == String.class) {
            return quoted(value(raw, name, text));
        }
        String chosen = text.apply(name, raw);
        String value = chosen == null ? plain(raw) : chosen;
        boolean number =
                raw.isPrimitive() && raw != boolean.class && raw != char.class || Number.class.isAssignableFrom(raw);
        return number || raw == boolean.class || raw == Boolean.class ? value : "\"" + value + "\"";
    }

    private static String value(Class<?> type, String name, Chosen text) {
        String chosen = text.apply(name, type);
        if (chosen == null && "of".equals(name) && type == String.class) {
            return "XJ"; // the roll-up of a subordinate (/rollup?of=): the demo bureau, as the page's links do
        }
        if (chosen == null && ("year".equals(name) || "size".equals(name))) {
            // within the bounds every request's year and page size must keep (InputGuard), so the request reaches
            // the authorisation check instead of being refused as bad input
            return "year".equals(name) ? "2025" : "20";
        }
        if (chosen == null && "period".equals(name) && type == String.class) {
            return "H1"; // a period the figures and the report know (Period.parse), so the refusal is the one tested
        }
        return chosen != null ? chosen : plain(type);
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static Class<?> raw(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        return type instanceof Class<?> c ? c : Object.class;
    }

    private static String plain(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return "false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return type == BigDecimal.class || type == double.class || type == Double.class ? "1.0" : "0";
        }
        if (type == LocalDate.class) {
            return "2025-06-30";
        }
        if (type == LocalDateTime.class) {
            return "2025-06-30T09:00:00";
        }
        if (type == LocalTime.class) {
            return "09:00";
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants.length == 0 ? "" : ((Enum<?>) constants[0]).name();
        }
        return SAMPLE;
    }
}
