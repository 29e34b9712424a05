package cn.studyledger.office;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks a document title into lines as GB/T 9704-2012 7.3.1 asks: 回行时要做到词意完整，排列对称，长短适宜 — every line
 * fits the type area, a line ends only where a word does, and the lines are balanced (a trapezoid or a diamond),
 * never a stub of a few characters. A title that fits one line stays one line.
 *
 * <p>The places a title may break, best first: before 关于 (after the issuer); after the year (2025年度); before
 * 理论学习中心组 and after it; inside a long issuer before its kind (党委, 总支部委员会 …) or after 中共; after a comma;
 * and, only when nothing else fits, between any two Chinese characters — never inside a number or a Latin word,
 * never before closing or after opening punctuation. Among the fewest lines that fit, the layout with the smallest
 * difference between its longest and shortest line plus the penalties of its break points wins.
 */
public final class TitleLines {

    /** A line with fewer characters than this is a stub (一行仅一二字), not a line. */
    static final int SHORTEST_LINE = 4;

    private static final int MOST_LINES = 6;

    /** Penalty of a shape that is neither a trapezoid nor a diamond (three or more lines). */
    private static final double UNBALANCED_SHAPE = 4;

    private static final double LAST_RESORT = 10;

    private static final String CLOSING = "，。、；：？！）》〕」』”’】…—·";
    private static final String OPENING = "（《〔「『“‘【";
    private static final List<String> KINDS = List.of("总支部委员会", "支部委员会", "委员会", "党委", "党组", "党总支", "党支部");
    private static final String GROUP = "理论学习中心组";

    /** Words a line never splits, even as a last resort. */
    private static final List<String> WORDS = List.of(
            "关于", "年度", GROUP, "中心组", "学习情况", "情况报告", "报告", "总支部委员会", "支部委员会", "委员会", "党委", "党组", "党总支", "党支部", "中共");

    private TitleLines() {}

    /**
     * The title's lines for a line of {@code capacity} full-width characters (half-width digits and letters count
     * half).
     */
    public static List<String> split(String title, double capacity) {
        String text = title.strip();
        if (width(text) <= capacity) {
            return List.of(text);
        }
        double[] penalty = penalties(text);
        for (int lines = (int) Math.ceil(width(text) / capacity); lines <= MOST_LINES; lines++) {
            Best best = new Best();
            search(text, penalty, capacity, lines, 0, new ArrayList<>(), best);
            if (best.breaks != null) {
                List<String> out = new ArrayList<>();
                int from = 0;
                for (int at : best.breaks) {
                    out.add(text.substring(from, at));
                    from = at;
                }
                out.add(text.substring(from));
                return out;
            }
        }
        return List.of(text);
    }

    /** The width of a text in full-width characters. */
    static double width(String text) {
        double w = 0;
        for (int i = 0; i < text.length(); i++) {
            w += text.charAt(i) < 0x2E80 ? 0.5 : 1;
        }
        return w;
    }

    private static final class Best {
        List<Integer> breaks;
        double cost = Double.MAX_VALUE;
    }

    private static void search(
            String text, double[] penalty, double capacity, int lines, int from, List<Integer> breaks, Best best) {
        if (breaks.size() == lines - 1) {
            String last = text.substring(from);
            if (width(last) > capacity || last.length() < SHORTEST_LINE) {
                return;
            }
            List<Integer> all = new ArrayList<>(breaks);
            double cost = cost(text, penalty, all);
            if (cost < best.cost) {
                best.cost = cost;
                best.breaks = all;
            }
            return;
        }
        for (int at = from + SHORTEST_LINE; at < text.length(); at++) {
            String line = text.substring(from, at);
            if (width(line) > capacity) {
                break;
            }
            if (Double.isNaN(penalty[at])) {
                continue;
            }
            breaks.add(at);
            search(text, penalty, capacity, lines, at, breaks, best);
            breaks.remove(breaks.size() - 1);
        }
    }

    private static double cost(String text, double[] penalty, List<Integer> breaks) {
        List<Double> widths = new ArrayList<>();
        int from = 0;
        double cost = 0;
        for (int at : breaks) {
            widths.add(width(text.substring(from, at)));
            cost += penalty[at];
            from = at;
        }
        widths.add(width(text.substring(from)));
        double longest = widths.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double shortest = widths.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        cost += longest - shortest;
        if (widths.size() >= 3 && !trapezoid(widths) && !diamond(widths)) {
            cost += UNBALANCED_SHAPE;
        }
        return cost;
    }

    private static boolean trapezoid(List<Double> widths) {
        boolean growing = true;
        boolean shrinking = true;
        for (int i = 1; i < widths.size(); i++) {
            growing &= widths.get(i) >= widths.get(i - 1);
            shrinking &= widths.get(i) <= widths.get(i - 1);
        }
        return growing || shrinking;
    }

    private static boolean diamond(List<Double> widths) {
        int widest = widths.indexOf(
                widths.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        return widest > 0
                && widest < widths.size() - 1
                && trapezoid(widths.subList(0, widest + 1))
                && trapezoid(widths.subList(widest, widths.size()));
    }

    /** For each position where a new line could start, its penalty; NaN where a line must not break. */
    private static double[] penalties(String text) {
        double[] p = new double[text.length() + 1];
        for (int at = 0; at <= text.length(); at++) {
            p[at] = at == 0 || at == text.length() || forbidden(text, at) ? Double.NaN : LAST_RESORT;
        }
        prefer(p, text, before(text, "关于"), 0);
        prefer(p, text, after(text, "年度"), 1.5);
        for (int at = 2; at < text.length(); at++) {
            if (text.charAt(at - 1) == '年' && Character.isDigit(text.charAt(at - 2))) {
                prefer(p, text, List.of(at), 1.5);
            }
        }
        prefer(p, text, before(text, GROUP), 1.5);
        prefer(p, text, after(text, GROUP), 2.5);
        for (String kind : KINDS) {
            prefer(p, text, before(text, kind), 4);
        }
        prefer(p, text, after(text, "中共"), 4);
        prefer(p, text, after(text, "，"), 3);
        prefer(p, text, after(text, "、"), 3);
        for (String word : WORDS) {
            for (int start : before(text, word)) {
                for (int at = start + 1; at < start + word.length(); at++) {
                    p[at] = Double.NaN;
                }
            }
        }
        return p;
    }

    private static void prefer(double[] p, String text, List<Integer> positions, double penalty) {
        for (int at : positions) {
            if (at > 0 && at < text.length() && !Double.isNaN(p[at])) {
                p[at] = Math.min(p[at], penalty);
            }
        }
    }

    private static List<Integer> before(String text, String word) {
        List<Integer> at = new ArrayList<>();
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            at.add(i);
        }
        return at;
    }

    private static List<Integer> after(String text, String word) {
        return before(text, word).stream().map(i -> i + word.length()).toList();
    }

    /** Whether a line must not start at {@code at}: inside a number or Latin word, or against punctuation. */
    private static boolean forbidden(String text, int at) {
        char prev = text.charAt(at - 1);
        char next = text.charAt(at);
        if (narrow(prev) && narrow(next)) {
            return true;
        }
        if (CLOSING.indexOf(next) >= 0 || OPENING.indexOf(prev) >= 0) {
            return true;
        }
        // 2025年 and X局 are one word: a number or letter never ends a line away from the character it counts
        return narrow(prev) || Character.isSurrogate(next);
    }

    private static boolean narrow(char c) {
        return c < 0x2E80 && Character.isLetterOrDigit(c);
    }
}
