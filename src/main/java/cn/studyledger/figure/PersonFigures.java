package cn.studyledger.figure;

import cn.studyledger.org.GroupRole;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One member's figures of a year: a row of {@code GET /api/v1/orgs/{orgCode}/years/{year}/people/figures}, and what
 * the member's 学习档案 and the report tokens {@code leader.*} read. Every module adds its figures through a {@link
 * PersonFigureProvider} (books read and study notes, 原著研读 and 学习笔记, come from self-study), so a figure no
 * module records has no entry rather than a made-up 0.
 *
 * @param personId the member
 * @param name name
 * @param position 职务, may be null
 * @param groupRole place in the year's central group
 * @param values every per-person figure, in the order the providers define them (a new speech or writing kind is just
 *     another entry)
 */
public record PersonFigures(long personId, String name, String position, GroupRole groupRole, List<Value> values) {

    public PersonFigures {
        values = List.copyOf(values);
    }

    /**
     * One figure of the member.
     *
     * @param key stable name, e.g. presided, keySpeeches
     * @param label Chinese label
     * @param unit unit, e.g. 次, 篇, 学时
     * @param value the count or sum of the records in {@code evidence}
     * @param evidence URL of the API listing the records behind the value
     */
    public record Value(String key, String label, String unit, Number value, String evidence) {}

    public Optional<Value> value(String key) {
        return values.stream().filter(v -> v.key().equals(key)).findFirst();
    }

    /** The value of a figure, 0 for a key no provider defines. */
    public Number number(String key) {
        return value(key).map(Value::value).orElse(0L);
    }

    /**
     * The key of a per-person figure of one kind of record: {@code KEY} and {@code Speeches} give {@code keySpeeches},
     * {@code RESEARCH_REPORT} and {@code Writings} give {@code researchReportWritings}; so a new kind is a new figure.
     */
    public static String keyOf(Enum<?> kind, String suffix) {
        StringBuilder key = new StringBuilder();
        boolean upper = false;
        for (char c : kind.name().toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                key.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return key + suffix;
    }
}
