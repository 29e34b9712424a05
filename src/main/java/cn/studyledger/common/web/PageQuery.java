package cn.studyledger.common.web;

import org.springdoc.core.annotations.ParameterObject;

/**
 * The page a list request of the API asks for, from the query parameters {@code page} (from 0; default 0) and
 * {@code size} (default 20, kept between 1 and 100).
 */
@ParameterObject
public record PageQuery(Integer page, Integer size) {

    public PageQuery {
        page = page == null ? 0 : page;
        size = size == null ? 20 : Math.min(Math.max(size, 1), 100);
    }
}
