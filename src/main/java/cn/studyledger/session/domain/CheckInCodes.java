package cn.studyledger.session.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The rotating check-in codes of a session. Every {@link #ROTATION_SECONDS} seconds the meeting-room screen
 * shows a new QR token and a new 6-character code, both derived from the session's secret, so a photo forwarded
 * to someone absent soon stops working. A token is accepted in its own period and the one before it (the time a
 * phone needs to scan and send); the typed code, which takes longer to enter, in the two periods before.
 *
 * <p>The meeting-room computer opens the screen from a display link instead of the clerk's signed-in session: its
 * token names the session and carries a MAC of it under the same secret, so it cannot be guessed, shows only that
 * session, and cannot be turned into another session's link.
 */
final class CheckInCodes {

    static final int ROTATION_SECONDS = 20;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CheckInCodes() {}

    static String newSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static long period(Instant at) {
        return at.getEpochSecond() / ROTATION_SECONDS;
    }

    /** The token carried by the QR code in the given period. */
    static String token(String secret, long period) {
        return HexFormat.of().formatHex(mac(secret, "qr:" + period), 0, 12);
    }

    /** The 6-character code shown under the QR code in the given period. */
    static String code(String secret, long period) {
        byte[] mac = mac(secret, "code:" + period);
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            code.append(ALPHABET.charAt((mac[i] & 0xFF) % ALPHABET.length()));
        }
        return code.toString();
    }

    /** The token of the session's display link: {@code <session id>-<MAC>}. */
    static String displayToken(long sessionId, String secret) {
        return sessionId + "-" + HexFormat.of().formatHex(mac(secret, "display:" + sessionId), 0, 16);
    }

    /** The session a display token names, if it has the shape of one (whether it is genuine needs the secret). */
    static OptionalLong displayedSession(String token) {
        if (token == null || !token.matches("[1-9][0-9]{0,17}-[0-9a-f]{32}")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(token.substring(0, token.indexOf('-'))));
    }

    static boolean displayTokenValid(long sessionId, String secret, String token) {
        return secret != null
                && MessageDigest.isEqual(
                        displayToken(sessionId, secret).getBytes(StandardCharsets.US_ASCII),
                        token.getBytes(StandardCharsets.US_ASCII));
    }

    static boolean tokenValid(String secret, String token, Instant now) {
        long period = period(now);
        return token != null && (token.equals(token(secret, period)) || token.equals(token(secret, period - 1)));
    }

    static boolean codeValid(String secret, String code, Instant now) {
        if (code == null) {
            return false;
        }
        String typed = code.trim().toUpperCase();
        long period = period(now);
        for (long p = period; p >= period - 2; p--) {
            if (typed.equals(code(secret, p))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] mac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
