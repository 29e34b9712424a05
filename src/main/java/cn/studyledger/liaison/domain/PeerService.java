package cn.studyledger.liaison.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.ConflictException;
import cn.studyledger.common.InvalidInputException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.liaison.domain.SignedFileViews.Choice;
import cn.studyledger.liaison.domain.SignedFileViews.Installation;
import cn.studyledger.liaison.domain.SignedFileViews.Peer;
import cn.studyledger.liaison.domain.SignedFileViews.Peers;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The installations an organisation's clerk trusts for signed files: each public key, checked against the
 * fingerprint read out by the other side, stands for the organisation directly above (its notices) or a direct
 * subordinate unit (its filings). Adding and removing are the clerk's and audited; the installation's own public
 * identity is shown beside them, to read out to the other side.
 */
@Service
@Transactional(readOnly = true)
public class PeerService {

    static final String OBJECT = "受信任的外部安装";
    static final String MANAGE = "hasAuthority('" + Permissions.NOTICE_ACKNOWLEDGE + "') or hasAuthority('"
            + Permissions.SUBMISSION_DECIDE + "')";

    private final TrustedPeerRepository peers;
    private final InstallationKeys keys;
    private final OrgApi orgs;
    private final AuditLog audit;

    PeerService(TrustedPeerRepository peers, InstallationKeys keys, OrgApi orgs, AuditLog audit) {
        this.peers = peers;
        this.keys = keys;
        this.orgs = orgs;
        this.audit = audit;
    }

    /** This installation's public key and fingerprint (never the private key). */
    @PreAuthorize("hasAuthority('" + Permissions.NOTICE_VIEW + "')")
    public Installation installation() {
        InstallationKeys.PublicIdentity id = keys.identity();
        return new Installation(
                InstallationKeys.ALGORITHM,
                id.publicKey(),
                id.fingerprint(),
                InstallationKeys.grouped(id.fingerprint()));
    }

    /** The organisation's trusted installations: for its clerk. */
    @PreAuthorize(MANAGE)
    public Peers peers(String orgCode) {
        OrgRef owner = orgs.requireRole(orgCode, Role.CLERK);
        List<Peer> rows = peers.findByOwnerOrgIdOrderByIdAsc(owner.id()).stream()
                .map(p -> view(owner, p))
                .toList();
        return new Peers(installation(), rows, choices(owner));
    }

    /** Trusts another installation's key for one organisation above or below; the fingerprint must match the key. */
    @Transactional
    @PreAuthorize(MANAGE)
    public Peer add(String orgCode, PeerCommand command) {
        OrgRef owner = orgs.requireRole(orgCode, Role.CLERK);
        OrgRef standsFor = choices(owner).stream()
                .filter(c -> c.code().equals(command.standsFor().strip()))
                .findFirst()
                .flatMap(c -> orgs.findUnchecked(c.code()))
                .orElseThrow(() -> new BusinessRuleException(
                        "「" + command.standsFor().strip() + "」不是本组织的上级单位或直属下级单位，不能作为对方安装代表的组织"));
        byte[] encoded;
        try {
            encoded = Base64.getDecoder().decode(command.publicKey().strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("公钥格式不正确（应为 Base64 编码的 Ed25519 公钥）");
        }
        InstallationKeys.publicKey(encoded);
        String fingerprint = InstallationKeys.fingerprint(encoded);
        String typed = InstallationKeys.normalised(command.fingerprint());
        if (typed == null) {
            throw new InvalidInputException("指纹应为64位十六进制字符（可分组书写）");
        }
        if (!typed.equals(fingerprint)) {
            throw new BusinessRuleException(
                    "公钥与对方告知的指纹不符，请与对方重新核对（按公钥计算的指纹为 " + InstallationKeys.grouped(fingerprint) + "）");
        }
        if (peers.existsByOwnerOrgIdAndStandsForOrgIdAndFingerprint(owner.id(), standsFor.id(), fingerprint)) {
            throw new ConflictException("已信任该安装代表" + standsFor.name() + "，无需重复添加");
        }
        TrustedPeer peer = peers.saveAndFlush(new TrustedPeer(
                owner.id(),
                standsFor.id(),
                command.name().strip(),
                fingerprint,
                Base64.getEncoder().encodeToString(encoded)));
        audit.record(
                AuditAction.CREATE,
                OBJECT,
                peer.getId(),
                owner.name() + "信任外部安装「" + peer.name() + "」代表" + standsFor.name() + "，公钥指纹 "
                        + InstallationKeys.grouped(fingerprint));
        return view(owner, peer);
    }

    /** No longer trusts the installation for the organisation; files it signed are refused from now on. */
    @Transactional
    @PreAuthorize(MANAGE)
    public void remove(String orgCode, long id, long expectedVersion) {
        OrgRef owner = orgs.requireRole(orgCode, Role.CLERK);
        TrustedPeer peer = peers.findById(id)
                .filter(p -> p.ownerOrgId() == owner.id())
                .orElseThrow(() -> NotFoundException.of(OBJECT));
        peer.checkVersion(expectedVersion);
        peers.delete(peer);
        peers.flush();
        audit.record(
                AuditAction.DELETE,
                OBJECT,
                id,
                owner.name() + "不再信任外部安装「" + peer.name() + "」（代表"
                        + orgs.get(peer.standsForOrgId()).name() + "，公钥指纹 "
                        + InstallationKeys.grouped(peer.fingerprint()) + "）");
    }

    /** The owner's peers with this fingerprint (for imports: the checks there say which one must stand for whom). */
    List<TrustedPeer> trusted(long ownerOrgId, String fingerprint) {
        return peers.findByOwnerOrgIdAndFingerprint(ownerOrgId, fingerprint);
    }

    private List<Choice> choices(OrgRef owner) {
        List<Choice> choices = new ArrayList<>();
        Optional<OrgRef> parent = orgs.parent(owner.id());
        parent.ifPresent(p -> choices.add(new Choice(p.code(), p.name(), "上级单位")));
        orgs.children(owner.id()).forEach(c -> choices.add(new Choice(c.code(), c.name(), "直属下级单位")));
        return choices;
    }

    private Peer view(OrgRef owner, TrustedPeer p) {
        OrgRef standsFor = orgs.get(p.standsForOrgId());
        boolean above =
                orgs.parent(owner.id()).map(o -> o.id() == standsFor.id()).orElse(false);
        return new Peer(
                p.getId(),
                p.getVersion(),
                p.name(),
                p.fingerprint(),
                InstallationKeys.grouped(p.fingerprint()),
                p.publicKey(),
                standsFor.code(),
                standsFor.name(),
                above ? "上级单位" : "直属下级单位");
    }
}
