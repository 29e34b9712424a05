package cn.studyledger.report.domain;

import cn.studyledger.figure.FigureDefinition;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figure tokens in the report's narrative. {@code {{key}}} shows the figure's value (a rate with its % sign, e.g.
 * 44.4%); a variant after a bar changes how it is phrased:
 *
 * <ul>
 *   <li>{@code {{selfstudy.hours|超过}}} — "超过N" with N the value rounded down to a round number (hundreds from
 *       1000, tens from 100), or just N when the value is already round, since "超过" would then be untrue;
 *   <li>{@code {{selfstudy.hours|余}}} — "N余" with N the value's tens rounded down (14 → 10余, 21 → 20余, 135 →
 *       130余, 13.5 → 10余); an exact multiple of ten and anything below 10 is written plainly (20, 9, 9.5), since
 *       "余" would then be untrue or odd;
 *   <li>{@code {{selfstudy.hours|近}}} — "近N" with N the next round number above the value — the next multiple of
 *       ten below 100, of a hundred below 1000, of a thousand below 10000 — when the value is at least 90% of it
 *       (96 → 近100, 9 → 近10, 46 → 近50, 85 → 近90, 950 → 近1000, 1850 → 近2000); a value already round (0, 20, 100,
 *       1000) or further below (41, 135, 1234) is written plainly, since "近" would then be untrue;
 *   <li>{@code {{attendance.rate|分子}}}, {@code {{attendance.rate|分母}}} — a rate's numerator or denominator;
 *   <li>{@code {{supervision.coverage|覆盖}}} — "全覆盖" at 100%, else "覆盖N/M个单位".
 * </ul>
 *
 * A clause {@code {{#if key}}…{{/if}}} (with an optional {@code {{#else}}…} before its end) is written only when
 * the figure has something to say — a value that is not 0 (a rate: one with a denominator), a text that is not
 * blank — else its alternative or nothing: so a sentence whose records are absent is left out instead of
 * contradicting them (「学习内容0项」, 「关于【待补充】领域的调研报告」). Clauses nest: a clause inside another is
 * decided first, and written only if the one around it is (the paragraph on the units below is written only for an
 * organisation with units, and in it each figure only when the units have something for it).
 *
 * <p>The unit stays outside the token ({@code {{selfstudy.hours|余}}学时 → 130余学时}). A figure with no data renders 【待补充】, never a number. Built-in tokens: {@code {{year}}}, {@code {{org.issuer}}}
 * (the short issuer name, e.g. X局党组, X局生态环境监测中心党委) and {@code {{org.issuerFull}}} (the full name, e.g.
 * 中共X局党组, 中共X局生态环境监测中心委员会). The 组长's own figures of the year (the 组长's row of the people
 * figures) are tokens {@code {{leader.<key>}}}: {@code leader.presided} 主持, {@code leader.led} 领学, {@code
 * leader.evaluated} 讲评, {@code leader.expected} / {@code leader.attended} 应参加 / 出席, {@code leader.leaves}, {@code
 * leader.makeUps} 按期补学, {@code leader.keySpeeches} / {@code leader.exchangeSpeeches} (one a speech kind), {@code
 * leader.selfStudyHours}, {@code leader.writings} (心得体会、调研报告、理论文章) and one a writing kind ({@code
 * leader.experienceWritings} …), e.g. 「书记全年主持中心组学习{{leader.presided}}次，带头撰写心得体会和调研报告{{leader.writings}}篇」;
 * a year without a 组长 gives them no value (【待补充】).
 */
public final class Tokens {

    public static final String MISSING = "【待补充】";
    public static final Set<String> VARIANTS = Set.of("超过", "余", "近", "分子", "分母", "覆盖");

    private static final BigDecimal TEN = BigDecimal.TEN;
    /** "近N" only when the value is at least this share of N. */
    private static final BigDecimal NEARLY_SHARE = new BigDecimal("0.9");

    /** A clause with no clause inside it (its parts never cross an {@code {{#if}}}): the innermost are decided first. */
    static final Pattern CLAUSE = Pattern.compile(
            "\\{\\{#if\\s+([^{}|\\s]+)\\s*}}((?:(?!\\{\\{#if\\s).)*?)"
                    + "(?:\\{\\{#else}}((?:(?!\\{\\{#if\\s).)*?))?\\{\\{/if}}",
            Pattern.DOTALL);

    /** Where a clause begins, with the figure it names. */
    static final Pattern OPENING = Pattern.compile("\\{\\{#if\\s+([^{}|\\s]+)\\s*}}");

    static final Pattern TOKEN = Pattern.compile("\\{\\{\\s*([^{}|\\s]+)\\s*(?:\\|\\s*([^{}]*?)\\s*)?}}");

    private Tokens() {}

    /** One token as written. */
    public record Token(String key, String variant, String raw) {}

    /** A piece of rendered text: plain, or a token with its value (or 【待补充】) and evidence page. */
    public record Segment(String text, String key, boolean missing, String url) {

        public boolean token() {
            return key != null;
        }
    }

    public static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        Matcher c = OPENING.matcher(text);
        while (c.find()) {
            tokens.add(new Token(c.group(1), null, "{{#if " + c.group(1) + "}}"));
        }
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            if (m.group(1).startsWith("#") || m.group(1).startsWith("/")) {
                continue; // a clause's {{#else}} or {{/if}}
            }
            String variant = m.group(2);
            tokens.add(new Token(m.group(1), variant == null || variant.isEmpty() ? null : variant, m.group()));
        }
        return tokens;
    }

    /**
     * The text with each clause's part kept or dropped by the figure it names (see the class comment): the innermost
     * clauses first, then the clauses around them, until none is left.
     */
    static String clauses(String text, Map<String, FigureValue> values) {
        String current = text;
        while (true) {
            Matcher m = CLAUSE.matcher(current);
            if (!m.find()) {
                return current;
            }
            StringBuilder out = new StringBuilder();
            do {
                String kept = says(values.get(m.group(1))) ? m.group(2) : m.group(3) == null ? "" : m.group(3);
                m.appendReplacement(out, Matcher.quoteReplacement(kept));
            } while (m.find());
            m.appendTail(out);
            current = out.toString();
        }
    }

    /** Whether the figure has something to say: a value that is not 0, a rate of something, a text not blank. */
    static boolean says(FigureValue value) {
        if (value == null || !value.hasValue()) {
            return false;
        }
        if (value.kind() == FigureDefinition.Kind.RATE) {
            return value.denominator() == null || value.denominator() > 0;
        }
        try {
            return new BigDecimal(value.value()).signum() != 0;
        } catch (NumberFormatException e) {
            return !value.value().isBlank();
        }
    }

    /** The tokens of the text whose key is not known or whose variant does not exist, each once, as written. */
    public static List<String> unknown(String text, Set<String> knownKeys) {
        Set<String> unknown = new LinkedHashSet<>();
        for (Token t : tokens(text)) {
            if (!knownKeys.contains(t.key()) || (t.variant() != null && !VARIANTS.contains(t.variant()))) {
                unknown.add(t.raw());
            }
        }
        return List.copyOf(unknown);
    }

    public static String render(String text, Map<String, FigureValue> values) {
        StringBuilder out = new StringBuilder();
        segments(text, values).forEach(s -> out.append(s.text()));
        return out.toString();
    }

    public static List<Segment> segments(String written, Map<String, FigureValue> values) {
        List<Segment> segments = new ArrayList<>();
        if (written == null || written.isEmpty()) {
            return segments;
        }
        String text = clauses(written, values);
        Matcher m = TOKEN.matcher(text);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                plain(text.substring(last, m.start()), segments);
            }
            String variant = m.group(2);
            FigureValue value = values.get(m.group(1));
            String shown = resolve(value, variant == null || variant.isEmpty() ? null : variant);
            segments.add(
                    new Segment(shown, m.group(1), MISSING.equals(shown), value == null ? null : value.evidenceUrl()));
            last = m.end();
        }
        if (last < text.length()) {
            plain(text.substring(last), segments);
        }
        return segments;
    }

    /** Plain text, with a 【待补充】 typed by hand (a placeholder paragraph) marked like a missing figure. */
    private static void plain(String text, List<Segment> segments) {
        int from = 0;
        int at;
        while ((at = text.indexOf(MISSING, from)) >= 0) {
            if (at > from) {
                segments.add(new Segment(text.substring(from, at), null, false, null));
            }
            segments.add(new Segment(MISSING, null, true, null));
            from = at + MISSING.length();
        }
        if (from < text.length()) {
            segments.add(new Segment(text.substring(from), null, false, null));
        }
    }

    /** A token's text for a figure value; 【待补充】 when there is no such figure or it has no data. */
    public static String resolve(FigureValue value, String variant) {
        if (value == null || !value.hasValue()) {
            return MISSING;
        }
        if (variant == null) {
            return value.kind() == FigureDefinition.Kind.RATE ? value.value() + "%" : value.value();
        }
        switch (variant) {
            case "分子":
                return value.numerator() == null ? MISSING : String.valueOf(value.numerator());
            case "分母":
                return value.denominator() == null ? MISSING : String.valueOf(value.denominator());
            case "覆盖":
                return coverage(value);
            case "超过":
                return over(value.value());
            case "余":
                return odd(value.value());
            case "近":
                return nearly(value.value());
            default:
                return MISSING;
        }
    }

    private static String coverage(FigureValue value) {
        BigDecimal percent = number(value.value());
        if (percent != null && percent.compareTo(BigDecimal.valueOf(100)) >= 0) {
            return "全覆盖";
        }
        if (value.numerator() == null || value.denominator() == null) {
            return MISSING;
        }
        return "覆盖" + value.numerator() + "/" + value.denominator() + "个单位";
    }

    /** "超过N" with N rounded down to a round number; N alone when the value is round; 【待补充】 for nothing. */
    static String over(String raw) {
        BigDecimal value = number(raw);
        if (value == null || value.signum() <= 0) {
            return MISSING;
        }
        int step =
                value.compareTo(new BigDecimal(1000)) >= 0 ? 100 : value.compareTo(new BigDecimal(100)) >= 0 ? 10 : 1;
        BigDecimal round =
                value.divide(BigDecimal.valueOf(step), 0, RoundingMode.FLOOR).multiply(BigDecimal.valueOf(step));
        if (round.compareTo(value) == 0) {
            return round.toPlainString();
        }
        return "超过" + round.toPlainString();
    }

    /** "N余" with N the tens rounded down; the value alone below 10 or at a multiple of ten. */
    static String odd(String raw) {
        BigDecimal value = number(raw);
        if (value == null) {
            return MISSING;
        }
        if (value.compareTo(TEN) < 0) {
            return raw;
        }
        BigDecimal round = roundDown(value, TEN);
        if (round.compareTo(value) == 0) {
            return raw;
        }
        return round.toPlainString() + "余";
    }

    /**
     * "近N" with N the next round number above the value — a multiple of ten below 100, of a hundred below 1000, of a
     * thousand below 10000 and so on — when the value is at least 90% of N; the value alone otherwise. The round step
     * grows with the value so that "近" stays true: with hundreds from 1000, every value would be "近" its next
     * hundred (1201 → 近1300).
     */
    static String nearly(String raw) {
        BigDecimal value = number(raw);
        if (value == null) {
            return MISSING;
        }
        if (value.signum() <= 0) {
            return raw;
        }
        BigDecimal step = TEN;
        while (value.compareTo(step.multiply(TEN)) >= 0) {
            step = step.multiply(TEN);
        }
        BigDecimal down = roundDown(value, step);
        if (down.compareTo(value) == 0) {
            return raw;
        }
        BigDecimal next = down.add(step);
        if (value.compareTo(next.multiply(NEARLY_SHARE)) < 0) {
            return raw;
        }
        return "近" + next.toPlainString();
    }

    private static BigDecimal roundDown(BigDecimal value, BigDecimal step) {
        return value.divide(step, 0, RoundingMode.FLOOR).multiply(step);
    }

    private static BigDecimal number(String raw) {
        try {
            return raw == null ? null : new BigDecimal(raw);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A figure's value as the text stored in a snapshot: plain numbers, no % sign, no exponent. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toPlainString();
        }
        String text = String.valueOf(value);
        return text.isBlank() ? null : text;
    }
}
