package cn.studyledger.research.domain;

import org.springframework.core.io.InputStreamSource;

/**
 * A file the user sent along with a form or request: the name it was uploaded under (shown, never used as a path)
 * and where to read its bytes. The type is decided by the content when it is stored.
 */
public record Upload(String name, InputStreamSource content) {}
