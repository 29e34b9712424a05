package cn.studyledger.liaison.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.InvalidInputException;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The installation's Ed25519 signing key: one pair, made on first use (at start-up, or when a file is first signed)
 * in a transaction of its own and kept in {@code liaison_installation_key}. Only the public key and its fingerprint
 * ever leave this class; the private key signs here and is never returned, logged, exported or archived.
 */
@Component
class InstallationKeys {

    static final String ALGORITHM = "Ed25519";
    static final String OBJECT = "安装签名密钥";

    /** The installation's public identity: the X.509-encoded public key (base64) and its SHA-256 fingerprint. */
    record PublicIdentity(String publicKey, String fingerprint) {}

    private record Stored(String publicKey, String privateKey, String fingerprint) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate own;

    InstallationKeys(JdbcClient jdbc, AuditLog audit, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        stored();
    }

    PublicIdentity identity() {
        Stored key = stored();
        return new PublicIdentity(key.publicKey(), key.fingerprint());
    }

    /** The Ed25519 signature of the bytes with the installation's private key. */
    byte[] sign(byte[] data) {
        Stored key = stored();
        try {
            PrivateKey privateKey = KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key.privateKey())));
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the installation key cannot sign", e);
        }
    }

    /** Whether the signature over the data verifies with the X.509-encoded Ed25519 public key. */
    static boolean verifies(byte[] publicKey, byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey(publicKey));
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The X.509-encoded public key, refused (400) unless it is an Ed25519 key. */
    static PublicKey publicKey(byte[] encoded) {
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(encoded));
            if (!key.getAlgorithm().equals(ALGORITHM) && !key.getAlgorithm().equals("EdDSA")) {
                throw new InvalidInputException("公钥不是 Ed25519 公钥");
            }
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidInputException("公钥格式不正确（应为 Base64 编码的 Ed25519 公钥）");
        }
    }

    /** The fingerprint of an X.509-encoded public key: its SHA-256, lower-case hex (64 characters). */
    static String fingerprint(byte[] encodedPublicKey) {
        return HexFormat.of().formatHex(sha256(encodedPublicKey));
    }

    /** A fingerprint as people read it out: groups of four characters. */
    static String grouped(String fingerprint) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fingerprint.length(); i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(fingerprint, i, Math.min(i + 4, fingerprint.length()));
        }
        return out.toString();
    }

    /** A fingerprint as typed (with spaces, colons or upper case), normalised; null when it is not one. */
    static String normalised(String typed) {
        if (typed == null) {
            return null;
        }
        String hex = typed.replaceAll("[\\s:-]", "").toLowerCase(Locale.ROOT);
        return hex.matches("[0-9a-f]{64}") ? hex : null;
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Stored stored() {
        Optional<Stored> found = find();
        if (found.isPresent()) {
            return found.get();
        }
        try {
            own.executeWithoutResult(status -> create());
        } catch (DataIntegrityViolationException e) {
            // another instance made it at the same moment: theirs is the installation's key
        }
        return find().orElseThrow(() -> new BusinessRuleException("本系统的签名密钥无法生成，请联系管理员"));
    }

    private Optional<Stored> find() {
        return jdbc.sql("select public_key, private_key, fingerprint from liaison_installation_key where id = 1")
                .query((rs, n) -> new Stored(
                        rs.getString("public_key"), rs.getString("private_key"), rs.getString("fingerprint")))
                .optional();
    }

    private void create() {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
        byte[] publicKey = pair.getPublic().getEncoded();
        String fingerprint = fingerprint(publicKey);
        jdbc.sql("""
                        insert into liaison_installation_key (id, algorithm, public_key, private_key, fingerprint, created_at)
                        values (1, :algorithm, :public, :private, :fingerprint, :at)""")
                .param("algorithm", ALGORITHM)
                .param("public", Base64.getEncoder().encodeToString(publicKey))
                .param(
                        "private",
                        Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()))
                .param("fingerprint", fingerprint)
                .param("at", LocalDateTime.now(clock))
                .update();
        audit.record(AuditAction.CREATE, OBJECT, 1, "生成本系统的签名密钥，公钥指纹 " + grouped(fingerprint));
    }
}
