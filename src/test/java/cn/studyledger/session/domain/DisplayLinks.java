package cn.studyledger.session.domain;

/**
 * The token of a session's display link for tests outside the session module (the authorisation matrix), which
 * read the session's secret by SQL and must not repeat how the token is made.
 */
public final class DisplayLinks {

    private DisplayLinks() {}

    public static String token(long sessionId, String secret) {
        return CheckInCodes.displayToken(sessionId, secret);
    }
}
