package cn.studyledger.outreach.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.PageResult;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.files.FileDownload;
import cn.studyledger.common.files.FileKind;
import cn.studyledger.common.files.FileStore;
import cn.studyledger.common.files.StoredFile;
import cn.studyledger.common.files.Upload;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.org.OrgRef;
import cn.studyledger.outreach.PublicityChannel;
import cn.studyledger.session.IssuedBrief;
import cn.studyledger.session.SessionApi;
import cn.studyledger.session.SessionSummary;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publicity items (宣传报道). The clerk records what was published where, with a link, a file or both; everyone
 * who reads the organisation's study records lists, searches and opens them and downloads their files.
 */
@Service
@Transactional(readOnly = true)
public class PublicityService {

    static final String OBJECT = "宣传报道";
    static final String READ = "hasAuthority('" + Permissions.OUTREACH_VIEW + "')";
    static final String WRITE = "hasAuthority('" + Permissions.OUTREACH_EDIT + "')";
    static final String SESSION = "集中学习";
    static final String BRIEF_COLUMN = "学习简报";

    private final PublicityItemRepository items;
    private final FileStore files;
    private final OutreachAccess access;
    private final AuditLog audit;
    private final SessionApi sessions;

    PublicityService(
            PublicityItemRepository items,
            FileStore files,
            OutreachAccess access,
            AuditLog audit,
            SessionApi sessions) {
        this.items = items;
        this.files = files;
        this.access = access;
        this.audit = audit;
        this.sessions = sessions;
    }

    public boolean edits(String orgCode) {
        return access.edits(orgCode);
    }

    /** Whether the current user may change this record (the clerk of its organisation). */
    public boolean mayEdit(long id) {
        return items.findById(id).map(r -> access.mayEditRecord(r.orgId())).orElse(false);
    }

    /**
     * Items of the year, newest first, optionally of one channel and containing a text in the title, column or
     * related record.
     */
    @PreAuthorize(READ)
    public PageResult<PublicityView> search(
            String orgCode, int year, PublicityChannel channel, String text, int page, int size) {
        OrgRef org = access.readable(orgCode);
        var result = items.search(
                org.id(),
                LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31),
                channel == null ? EnumSet.allOf(PublicityChannel.class) : EnumSet.of(channel),
                pattern(text),
                PageRequest.of(Math.max(page, 0), size, Sort.by(Sort.Direction.DESC, "publishedOn", "id")));
        return PageResult.of(result, this::view);
    }

    /** The columns (专栏) used so far, for the form's suggestions. */
    @PreAuthorize(READ)
    public List<String> columns(String orgCode) {
        return items.columns(access.readable(orgCode).id());
    }

    @PreAuthorize(READ)
    public PublicityView get(long id) {
        return view(readable(id));
    }

    /** Records an item with its file (if any), all or nothing. */
    @Transactional
    @PreAuthorize(WRITE)
    public PublicityView create(String orgCode, PublicityCommand command, Upload file) {
        OrgRef org = access.clerkOf(orgCode);
        Long fileId =
                file == null ? null : files.store(file, FileKind.DOCUMENTS).id();
        PublicityItem item = new PublicityItem(
                org.id(),
                command.channel(),
                trim(command.column()),
                command.title().strip(),
                command.publishedOn(),
                command.link(),
                fileId,
                trim(command.related()));
        items.saveAndFlush(item);
        audit.record(AuditAction.CREATE, OBJECT, item.getId(), summary(item));
        return view(item);
    }

    /**
     * Files a session's issued 学习简报 as a publicity item of 内部刊物 (column 学习简报): titled 「学习简报第N期：…」,
     * dated the day it was issued, with the brief's Word file, so nothing is typed twice. Out of sight 404; a draft
     * brief 422; a brief filed already 409, naming its item.
     */
    @Transactional
    @PreAuthorize(WRITE)
    public PublicityView fileBrief(long sessionId) {
        SessionSummary session = sessions.find(sessionId).orElseThrow(() -> NotFoundException.of(SESSION));
        OrgRef org = access.editableRecord(session.orgId(), SESSION);
        items.findByBriefSessionId(sessionId).ifPresent(existing -> {
            throw new BriefAlreadyFiledException(existing.getId(), existing.title());
        });
        IssuedBrief brief =
                sessions.issuedBrief(sessionId).orElseThrow(() -> new BusinessRuleException("学习简报印发后才能登记为宣传报道"));
        StoredFile file = files.store(brief.fileName(), new ByteArrayInputStream(brief.docx()), FileKind.DOCUMENTS);
        PublicityItem item = PublicityItem.fromBrief(
                org.id(),
                BRIEF_COLUMN,
                cap("学习简报" + brief.issueLabel() + "：" + brief.title(), 200),
                brief.issuedOn(),
                file.id(),
                cap("集中学习：" + brief.sessionTitle(), 200),
                sessionId);
        items.saveAndFlush(item);
        audit.record(AuditAction.CREATE, OBJECT, item.getId(), "据学习简报" + brief.issueLabel() + "登记 " + summary(item));
        return view(item);
    }

    /**
     * Changes an item; a new file replaces the old one, {@code removeFile} drops it (refused when the item would
     * keep neither link nor file).
     */
    @Transactional
    @PreAuthorize(WRITE)
    public PublicityView edit(
            long id, long expectedVersion, PublicityCommand command, Upload file, boolean removeFile) {
        PublicityItem item = editable(id);
        item.checkVersion(expectedVersion);
        if (file != null) {
            item.replaceFile(files.store(file, FileKind.DOCUMENTS).id());
        }
        item.describe(
                command.channel(),
                trim(command.column()),
                command.title().strip(),
                command.publishedOn(),
                command.link(),
                trim(command.related()));
        if (removeFile && file == null && item.fileId() != null) {
            item.removeFile();
        }
        items.flush();
        audit.record(AuditAction.UPDATE, OBJECT, id, summary(item));
        return view(item);
    }

    /** Adds or replaces the file of an item (the API's way to attach one). */
    @Transactional
    @PreAuthorize(WRITE)
    public PublicityView replaceFile(long id, Long expectedVersion, Upload file) {
        PublicityItem item = editable(id);
        if (expectedVersion != null) {
            item.checkVersion(expectedVersion);
        }
        if (file == null) {
            throw new BusinessRuleException("请选择要上传的文件");
        }
        StoredFile stored = files.store(file, FileKind.DOCUMENTS);
        item.replaceFile(stored.id());
        items.flush();
        audit.record(AuditAction.UPDATE, OBJECT, id, "上传文件 " + stored.originalName() + "#" + stored.id());
        return view(item);
    }

    @Transactional
    @PreAuthorize(WRITE)
    public void delete(long id) {
        PublicityItem item = editable(id);
        items.delete(item);
        audit.record(AuditAction.DELETE, OBJECT, id, summary(item));
    }

    /** The file of an item, after the same scope check as reading the item. */
    @PreAuthorize(READ)
    public FileDownload download(long id) {
        PublicityItem item = readable(id);
        if (item.fileId() == null) {
            throw NotFoundException.of("文件");
        }
        return new FileDownload(files.describe(item.fileId()), files.open(item.fileId()));
    }

    public String maxUploadSize() {
        long bytes = files.maxBytes();
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : Math.max(1, bytes / 1024) + " KB";
    }

    private PublicityItem readable(long id) {
        PublicityItem item = items.findById(id).orElseThrow(() -> NotFoundException.of(OBJECT));
        access.readableRecord(item.orgId(), OBJECT);
        return item;
    }

    private PublicityItem editable(long id) {
        PublicityItem item = items.findById(id).orElseThrow(() -> NotFoundException.of(OBJECT));
        access.editableRecord(item.orgId(), OBJECT);
        return item;
    }

    PublicityView view(PublicityItem i) {
        return new PublicityView(
                i.getId(),
                i.channel(),
                i.channel().label(),
                i.column(),
                i.title(),
                i.publishedOn(),
                i.link(),
                i.fileId() == null ? null : files.describe(i.fileId()),
                i.related(),
                i.briefSessionId(),
                i.getVersion());
    }

    private static String summary(PublicityItem i) {
        return i.channel().label() + (i.column() == null ? "" : "·" + i.column()) + "《" + i.title() + "》"
                + i.publishedOn();
    }

    /** A lower-case LIKE pattern containing the text, with the wildcards escaped ('!' is the escape). */
    static String pattern(String text) {
        if (text == null || text.isBlank()) {
            return "%";
        }
        String escaped = text.strip()
                .toLowerCase(Locale.ROOT)
                .replace("!", "!!")
                .replace("%", "!%")
                .replace("_", "!_");
        return "%" + escaped + "%";
    }

    private static String cap(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
