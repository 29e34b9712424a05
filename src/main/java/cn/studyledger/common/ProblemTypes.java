package cn.studyledger.common;

import java.net.URI;

/** Stable problem type URIs of the API's RFC 9457 answers. */
public final class ProblemTypes {

    public static final URI VALIDATION = URI.create("https://studyledger.cn/problems/validation");
    public static final URI NOT_FOUND = URI.create("https://studyledger.cn/problems/not-found");
    public static final URI BUSINESS_RULE = URI.create("https://studyledger.cn/problems/business-rule");
    public static final URI CONFLICT = URI.create("https://studyledger.cn/problems/conflict");
    public static final URI FORBIDDEN = URI.create("https://studyledger.cn/problems/forbidden");
    public static final URI UNAUTHENTICATED = URI.create("https://studyledger.cn/problems/unauthenticated");
    public static final URI UNAVAILABLE = URI.create("https://studyledger.cn/problems/unavailable");

    private ProblemTypes() {}
}
