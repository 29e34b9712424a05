package cn.studyledger.liaison.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.ConflictException;
import cn.studyledger.common.InvalidInputException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.files.FileKind;
import cn.studyledger.common.files.FileStore;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.common.validation.PlainText;
import cn.studyledger.liaison.SubmissionDeadlines;
import cn.studyledger.liaison.SubmissionKind;
import cn.studyledger.liaison.domain.SignedFileViews.Imported;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;

/**
 * 学习提示 and 报送 across installations. Where the superior works in another installation, its clerk exports a
 * notice as a signed file ({@link SignedFile}: the notice's content, signed with the installation's key) and the
 * unit's clerk imports it, where it becomes a notice received by the unit — in its inbox and to-dos, acknowledged as
 * usual; the other way, the unit's clerk exports a filing (its document with its SHA-256 and the frozen figures) and
 * the superior's clerk imports it as the unit's filing, in the matrix and decided as usual. Nothing is typed again.
 * An import is refused unless the file is signed by an installation the importing organisation trusts to stand for
 * the issuer (its superior) or the filing unit (its direct subordinate), the signature verifies over the manifest,
 * the document matches its hash and the file names the importing organisation; the same file is imported once.
 */
@Service
@Transactional(readOnly = true)
public class SignedFileService {

    static final String NOTICE = "NOTICE";
    static final String SUBMISSION = "SUBMISSION";

    /** A signed file to download. */
    public record SignedExport(String fileName, byte[] bytes) {}

    private record Verified(
            JsonNode content, String fingerprint, String sha256, List<TrustedPeer> peers, byte[] document) {}

    private final NoticeRepository notices;
    private final NoticeReceiptRepository receipts;
    private final SubmissionRepository submissions;
    private final PeerService peers;
    private final InstallationKeys keys;
    private final OrgApi orgs;
    private final FileStore files;
    private final SubmissionDeadlines deadlines;
    private final AuditLog audit;
    private final Clock clock;
    private final long maxBytes;

    SignedFileService(
            NoticeRepository notices,
            NoticeReceiptRepository receipts,
            SubmissionRepository submissions,
            PeerService peers,
            InstallationKeys keys,
            OrgApi orgs,
            FileStore files,
            SubmissionDeadlines deadlines,
            AuditLog audit,
            Clock clock,
            @Value("${ledger.files.max-size:20MB}") DataSize maxFileSize) {
        this.notices = notices;
        this.receipts = receipts;
        this.submissions = submissions;
        this.peers = peers;
        this.keys = keys;
        this.orgs = orgs;
        this.files = files;
        this.deadlines = deadlines;
        this.audit = audit;
        this.clock = clock;
        // the document may be as large as an upload; the manifest and the signature are small beside it
        this.maxBytes = maxFileSize.toBytes() + 1024 * 1024;
    }

    /** The notice as a signed file, for the issuer's clerk to send to a unit working in another installation. */
    @PreAuthorize("hasAuthority('" + Permissions.NOTICE_ISSUE + "')")
    public SignedExport exportNotice(long id) {
        Notice notice = notices.findById(id).orElseThrow(() -> NotFoundException.of(NoticeService.OBJECT));
        OrgRef issuer = orgs.get(notice.issuerOrgId());
        if (!CurrentUser.require().canRead(issuer.path())) {
            throw NotFoundException.of(NoticeService.OBJECT);
        }
        if (!CurrentUser.require().hasRoleAt(Role.CLERK, issuer.path())) {
            throw new AccessDeniedException("只有发布单位的学习秘书可以导出学习提示");
        }
        List<Map<String, Object>> targets = new ArrayList<>();
        for (NoticeReceipt r : receipts.findByNoticeIdOrderByIdAsc(id)) {
            OrgRef unit = orgs.get(r.unitOrgId());
            targets.add(ordered("code", unit.code(), "name", unit.name()));
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("issuerCode", issuer.code());
        content.put("issuerName", issuer.issuer());
        content.put("title", notice.title());
        content.put("content", notice.content());
        content.put("materials", notice.materials());
        content.put("issuedOn", notice.issuedOn().toString());
        content.put("dueOn", notice.dueOn() == null ? null : notice.dueOn().toString());
        content.put("targets", targets);
        byte[] file = sign(NOTICE, "notice", content, null);
        audit.recordExport(NoticeService.OBJECT, id, "导出学习提示签名文件：" + notice.title() + "，下发" + targets.size() + "个单位");
        return new SignedExport("学习提示-" + notice.issuedOn() + "-" + id + ".signed.zip", file);
    }

    /** The filing as a signed file, for the unit's clerk to send to a superior working in another installation. */
    @PreAuthorize("hasAuthority('" + Permissions.SUBMISSION_FILE + "')")
    public SignedExport exportSubmission(long id) {
        Submission s = submissions.findById(id).orElseThrow(() -> NotFoundException.of(SubmissionService.OBJECT));
        OrgRef unit = orgs.get(s.unitOrgId());
        OrgRef superior = orgs.get(s.superiorOrgId());
        if (!CurrentUser.require().canRead(unit.path())
                && !CurrentUser.require().canRead(superior.path())) {
            throw NotFoundException.of(SubmissionService.OBJECT);
        }
        if (!CurrentUser.require().hasRoleAt(Role.CLERK, unit.path())) {
            throw new AccessDeniedException("只有报送单位的学习秘书可以导出本单位的报送");
        }
        byte[] document;
        try (InputStream in = files.open(s.fileId())) {
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("unitCode", unit.code());
        content.put("unitName", unit.name());
        content.put("superiorCode", superior.code());
        content.put("superiorName", superior.name());
        content.put("kind", s.kind().name());
        content.put("kindLabel", s.kind().label());
        content.put("year", s.year());
        content.put("filedOn", s.submittedOn().toString());
        content.put("filedBy", s.submittedBy());
        content.put(
                "figures",
                s.figures().stream()
                        .map(f -> ordered("key", f.key(), "label", f.label(), "value", f.value(), "unit", f.unit()))
                        .toList());
        content.put(
                "document",
                ordered(
                        "name",
                        s.documentName(),
                        "size",
                        document.length,
                        "sha256",
                        HexFormat.of().formatHex(InstallationKeys.sha256(document))));
        byte[] file = sign(SUBMISSION, "submission", content, document);
        audit.recordExport(SubmissionService.OBJECT, id, "导出报送签名文件：" + unit.name() + s.documentName());
        return new SignedExport(
                "报送-" + unit.code() + "-" + s.year() + "-" + s.kind().name() + ".signed.zip", file);
    }

    /**
     * A notice of the unit's superior, from a signed file of the superior's installation: becomes a notice received
     * by the unit (a second unit of this installation named in the same file gets its receipt on the same notice).
     */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.NOTICE_ACKNOWLEDGE + "')")
    public Imported importNotice(String orgCode, InputStream file) {
        OrgRef unit = orgs.requireRole(orgCode, Role.CLERK);
        Verified v = verify(unit, file, NOTICE);
        JsonNode n = v.content().path("notice");
        OrgRef parent = orgs.parent(unit.id()).orElseThrow(() -> new BusinessRuleException("本单位没有上级单位，不能导入学习提示"));
        TrustedPeer peer = v.peers().stream()
                .filter(p -> p.standsForOrgId() == parent.id())
                .findFirst()
                .orElseThrow(() -> new BusinessRuleException("该签名方未被本单位信任为上级单位（" + parent.name() + "）的安装，不能导入其学习提示"));
        String issuerCode = required(n, "issuerCode", 64);
        if (!parent.code().equals(issuerCode)) {
            throw new BusinessRuleException("该学习提示的发布单位（" + SignedFile.text(n, "issuerName") + "，" + issuerCode
                    + "）不是本单位的上级单位（" + parent.name() + "），不能导入");
        }
        boolean targeted = false;
        for (JsonNode t : n.path("targets")) {
            targeted |= unit.code().equals(SignedFile.text(t, "code"));
        }
        if (!targeted) {
            throw new BusinessRuleException("该学习提示没有下发给本单位（" + unit.name() + "），不能导入");
        }
        Optional<Notice> existing = notices.findByOriginSha256(v.sha256());
        Notice notice;
        if (existing.isPresent()) {
            notice = existing.get();
            if (receipts.findByNoticeIdAndUnitOrgId(notice.getId(), unit.id()).isPresent()) {
                throw new ConflictException("该签名文件已导入过（学习提示「" + notice.title() + "」），不能重复导入");
            }
        } else {
            String title = required(n, "title", 200);
            String content = required(n, "content", 20000);
            List<String> materials = new ArrayList<>();
            for (JsonNode m : n.path("materials")) {
                materials.add(clean(m.isString() ? m.asString() : null, 200, "学习材料"));
            }
            if (materials.size() > 30) {
                throw new InvalidInputException("签名文件中的学习材料超过30项");
            }
            LocalDate issuedOn = date(SignedFile.text(n, "issuedOn"), "发布日期");
            if (issuedOn == null) {
                throw new InvalidInputException("签名文件缺少发布日期");
            }
            LocalDate dueOn = date(SignedFile.text(n, "dueOn"), "完成时限");
            notice = new Notice(parent.id(), title, content, materials, issuedOn, dueOn);
            notice.importedFrom(v.fingerprint(), v.sha256());
            notice = notices.saveAndFlush(notice);
            audit.record(
                    AuditAction.CREATE,
                    NoticeService.OBJECT,
                    notice.getId(),
                    "导入" + parent.name() + "的学习提示签名文件：" + title + "（签名方「" + peer.name() + "」，指纹 "
                            + InstallationKeys.grouped(v.fingerprint()) + "）");
        }
        NoticeReceipt receipt = receipts.saveAndFlush(new NoticeReceipt(notice, unit.id()));
        audit.record(
                AuditAction.CREATE,
                NoticeService.RECEIPT,
                receipt.getId(),
                unit.name() + "导入收到的学习提示：" + notice.title());
        return new Imported(
                NOTICE,
                notice.getId(),
                notice.title(),
                peer.name(),
                InstallationKeys.grouped(v.fingerprint()),
                "/notices/" + notice.getId());
    }

    /**
     * A filing of a direct subordinate unit, from a signed file of the unit's installation: becomes the unit's filing
     * to this organisation, with the document and figures as filed, judged by this organisation's deadline.
     */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SUBMISSION_DECIDE + "')")
    public Imported importSubmission(String orgCode, InputStream file) {
        OrgRef superior = orgs.requireRole(orgCode, Role.CLERK);
        Verified v = verify(superior, file, SUBMISSION);
        JsonNode s = v.content().path("submission");
        String superiorCode = required(s, "superiorCode", 64);
        if (!superior.code().equals(superiorCode)) {
            throw new BusinessRuleException(
                    "该报送是报给「" + SignedFile.text(s, "superiorName") + "」（" + superiorCode + "）的，不是报给本单位的，不能导入");
        }
        String unitCode = required(s, "unitCode", 64);
        OrgRef unit = orgs.children(superior.id()).stream()
                .filter(c -> c.code().equals(unitCode))
                .findFirst()
                .orElseThrow(() -> new BusinessRuleException(
                        "「" + SignedFile.text(s, "unitName") + "」（" + unitCode + "）不是本单位的直属下级单位，不能导入其报送"));
        TrustedPeer peer = v.peers().stream()
                .filter(p -> p.standsForOrgId() == unit.id())
                .findFirst()
                .orElseThrow(() -> new BusinessRuleException("该签名方未被本单位信任为" + unit.name() + "的安装，不能导入其报送"));
        if (submissions.existsByOriginSha256(v.sha256())) {
            throw new ConflictException("该签名文件已导入过（" + unit.name() + "的报送），不能重复导入");
        }
        SubmissionKind kind;
        try {
            kind = SubmissionKind.valueOf(required(s, "kind", 32));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("签名文件中的报送类别不受支持");
        }
        int year = s.path("year").asInt(0);
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("签名文件中的年度不正确");
        }
        JsonNode doc = s.path("document");
        String documentName = required(doc, "name", 200);
        String sha = SignedFile.text(doc, "sha256");
        if (v.document() == null
                || sha == null
                || !sha.equals(HexFormat.of().formatHex(InstallationKeys.sha256(v.document())))
                || doc.path("size").asLong(-1) != v.document().length) {
            throw new BusinessRuleException("报送文件与签名清单中的校验值不符，文件已被改动，不能导入");
        }
        Optional<Submission> latest = submissions.findByUnitOrgIdAndYearOrderByIdAsc(unit.id(), year).stream()
                .filter(x -> x.kind() == kind)
                .max(Comparator.comparing(Submission::getId));
        if (latest.isPresent() && latest.get().status() == Submission.Status.SUBMITTED) {
            throw new ConflictException(unit.name() + year + "年" + kind.label() + "已报送，正等待审核，不能再导入");
        }
        if (latest.isPresent() && latest.get().status() == Submission.Status.ACCEPTED) {
            throw new BusinessRuleException(unit.name() + year + "年" + kind.label() + "已审核通过，无需再导入");
        }
        LocalDate filedOn = date(SignedFile.text(s, "filedOn"), "报送日期");
        if (filedOn == null) {
            throw new InvalidInputException("签名文件缺少报送日期");
        }
        String filedBy = required(s, "filedBy", 100);
        List<Submission.Figure> figures = new ArrayList<>();
        for (JsonNode f : s.path("figures")) {
            figures.add(new Submission.Figure(
                    required(f, "key", 100),
                    required(f, "label", 200),
                    optional(f, "value", 200),
                    optional(f, "unit", 20)));
        }
        long fileId = files.store(documentName, new ByteArrayInputStream(v.document()), FileKind.DOCUMENTS)
                .id();
        Submission filed = new Submission(
                unit.id(),
                superior.id(),
                kind,
                year,
                filedOn,
                filedBy,
                deadlines.due(superior.id(), year, kind),
                fileId,
                documentName,
                figures);
        filed.importedFrom(v.fingerprint(), v.sha256());
        filed = submissions.saveAndFlush(filed);
        audit.record(
                AuditAction.CREATE,
                SubmissionService.OBJECT,
                filed.getId(),
                "导入" + unit.name() + "的报送签名文件：" + documentName + (filed.onTime() ? "" : "（逾期）") + "（签名方「" + peer.name()
                        + "」，指纹 " + InstallationKeys.grouped(v.fingerprint()) + "）");
        return new Imported(
                SUBMISSION,
                filed.getId(),
                documentName,
                peer.name(),
                InstallationKeys.grouped(v.fingerprint()),
                "/api/v1/submissions/" + filed.getId());
    }

    private byte[] sign(String type, String field, Map<String, Object> record, byte[] document) {
        InstallationKeys.PublicIdentity signer = keys.identity();
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", SignedFile.FORMAT);
        manifest.put("formatVersion", SignedFile.VERSION);
        manifest.put("type", type);
        manifest.put(
                "exportedAt",
                LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
        manifest.put("signer", ordered("fingerprint", signer.fingerprint(), "publicKey", signer.publicKey()));
        manifest.put(field, record);
        byte[] bytes = SignedFile.manifest(manifest);
        return SignedFile.write(bytes, document, signer.publicKey(), signer.fingerprint(), keys.sign(bytes));
    }

    private Verified verify(OrgRef owner, InputStream in, String type) {
        SignedFile.Read read = SignedFile.read(in, maxBytes);
        InstallationKeys.publicKey(read.publicKey());
        String fingerprint = InstallationKeys.fingerprint(read.publicKey());
        if (read.claimedFingerprint() != null
                && !fingerprint.equals(InstallationKeys.normalised(read.claimedFingerprint()))) {
            throw new BusinessRuleException("签名文件中的指纹与公钥不符，文件已被改动，不能导入");
        }
        List<TrustedPeer> trusted = peers.trusted(owner.id(), fingerprint);
        if (trusted.isEmpty()) {
            throw new BusinessRuleException(
                    "签名方（公钥指纹 " + InstallationKeys.grouped(fingerprint) + "）未被本单位信任，不能导入；请先与对方核对指纹，在“受信任的外部安装”中添加");
        }
        if (!InstallationKeys.verifies(read.publicKey(), read.manifest(), read.signature())) {
            throw new BusinessRuleException("签名校验失败：文件内容在签名后被改动过，或并非该安装签发，不能导入");
        }
        if (!type.equals(SignedFile.text(read.content(), "type"))) {
            throw new BusinessRuleException(NOTICE.equals(type) ? "该文件不是学习提示签名文件" : "该文件不是报送签名文件");
        }
        if (!fingerprint.equals(SignedFile.text(read.content().path("signer"), "fingerprint"))) {
            throw new BusinessRuleException("签名清单中的签名方与签名不符，不能导入");
        }
        if (NOTICE.equals(type) && read.document() != null) {
            throw new InvalidInputException("学习提示签名文件不应附带文档");
        }
        String sha256 = HexFormat.of().formatHex(InstallationKeys.sha256(read.manifest()));
        return new Verified(read.content(), fingerprint, sha256, trusted, read.document());
    }

    private static String required(JsonNode node, String field, int max) {
        String value = SignedFile.text(node, field);
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("签名文件缺少 " + field);
        }
        return clean(value, max, field);
    }

    private static String optional(JsonNode node, String field, int max) {
        String value = SignedFile.text(node, field);
        return value == null ? null : clean(value, max, field);
    }

    private static String clean(String value, int max, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("签名文件中的" + what + "为空");
        }
        if (!PlainText.isClean(value)) {
            throw new InvalidInputException(PlainText.MESSAGE);
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new InvalidInputException("签名文件中的" + what + "超过" + max + "字");
        }
        return stripped;
    }

    private static LocalDate date(String text, String what) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("签名文件中的" + what + "不是有效日期");
        }
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
