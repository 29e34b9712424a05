package cn.studyledger.common.jdbc;

import java.util.ArrayList;
import java.util.List;

/** Splits long id lists for {@code in (:ids)}, so a province's thousands of organisations stay within what a
 * statement can bind (PostgreSQL: 65,535 parameters) and what a plan cache can reuse. */
public final class Chunks {

    public static final int SIZE = 1000;

    private Chunks() {}

    public static <T> List<List<T>> of(List<T> items) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += SIZE) {
            chunks.add(items.subList(from, Math.min(items.size(), from + SIZE)));
        }
        return chunks;
    }
}
