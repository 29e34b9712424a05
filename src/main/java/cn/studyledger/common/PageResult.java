package cn.studyledger.common;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/**
 * One page of a list, as templates and the API see it.
 *
 * @param items the rows of this page
 * @param page zero-based page number
 * @param size page size
 * @param total rows over all pages
 */
public record PageResult<T>(List<T> items, int page, int size, long total) {

    public static <E, T> PageResult<T> of(Page<E> page, Function<E, T> mapper) {
        return new PageResult<>(
                page.getContent().stream().map(mapper).toList(),
                page.getNumber(),
                page.getSize(),
                page.getTotalElements());
    }

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
