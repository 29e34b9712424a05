package cn.studyledger.material.domain;

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
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.Role;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The study library (学习资料库). The clerk uploads, describes, replaces and deletes documents; members, the 组长
 * and superiors search and download them. Every document has a file, stored in the same transaction as the
 * document, so a refused file saves nothing.
 */
@Service
@Transactional(readOnly = true)
public class LibraryService {

    static final String OBJECT = "学习资料库文档";

    private final LibraryRepository documents;
    private final OrgApi orgs;
    private final FileStore files;
    private final AuditLog audit;

    LibraryService(LibraryRepository documents, OrgApi orgs, FileStore files, AuditLog audit) {
        this.documents = documents;
        this.orgs = orgs;
        this.files = files;
        this.audit = audit;
    }

    /** Whether the current user maintains the library of this organisation (its clerk). */
    public boolean edits(String orgCode) {
        return MaterialClerks.isClerk(orgs.requireReadable(orgCode));
    }

    /** Whether the current user may change this document (the clerk of its organisation). */
    public boolean mayEdit(long id) {
        return documents
                .findById(id)
                .map(d -> MaterialClerks.maintains(orgs.get(d.orgId())))
                .orElse(false);
    }

    /** The upload size limit, as forms show it (e.g. "20 MB"). */
    public String maxUploadSize() {
        long bytes = files.maxBytes();
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : Math.max(1, bytes / 1024) + " KB";
    }

    /** One page of documents matching the text (title, category, tags, source), category and tag, newest first. */
    @PreAuthorize(MaterialService.READ)
    public PageResult<DocumentView> search(String orgCode, String q, String category, String tag, int page, int size) {
        OrgRef org = orgs.requireReadable(orgCode);
        String text = q == null || q.isBlank() ? "%" : "%" + escape(q.trim().toLowerCase(Locale.ROOT)) + "%";
        String cat = category == null ? "" : category.trim();
        String oneTag = tag == null ? "" : tag.trim();
        var result = documents.search(
                org.id(),
                text,
                cat,
                oneTag,
                "%," + escape(oneTag) + ",%",
                PageRequest.of(
                        Math.max(page, 0),
                        size,
                        Sort.by(Sort.Order.desc("publishedOn").nullsLast(), Sort.Order.desc("id"))));
        return PageResult.of(result, this::view);
    }

    /** The categories in use, for the search form. */
    @PreAuthorize(MaterialService.READ)
    public List<String> categories(String orgCode) {
        return documents.categories(orgs.requireReadable(orgCode).id());
    }

    @PreAuthorize(MaterialService.READ)
    public DocumentView get(long id) {
        return view(readable(id));
    }

    /** Stores the file and the document together; the file is required. */
    @Transactional
    @PreAuthorize(MaterialService.WRITE)
    public DocumentView create(String orgCode, DocumentCommand command, Upload file) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        if (file == null) {
            throw new BusinessRuleException("请选择要上传的文件");
        }
        String tags = normaliseTags(command.tags());
        StoredFile stored = files.store(file, FileKind.DOCUMENTS);
        LibraryDocument document = new LibraryDocument(org.id(), stored.id());
        describe(document, command, tags);
        documents.saveAndFlush(document);
        audit.record(
                AuditAction.CREATE,
                OBJECT,
                document.getId(),
                "《" + document.title() + "》（" + document.category() + "），文件" + stored.originalName() + "#"
                        + stored.id());
        return view(document);
    }

    /** Changes the description, and replaces the file when one is given; all or nothing. */
    @Transactional
    @PreAuthorize(MaterialService.WRITE)
    public DocumentView edit(long id, long expectedVersion, DocumentCommand command, Upload file) {
        LibraryDocument document = editable(id);
        document.checkVersion(expectedVersion);
        describe(document, command, normaliseTags(command.tags()));
        if (file != null) {
            document.replaceFile(files.store(file, FileKind.DOCUMENTS).id());
        }
        documents.flush();
        audit.record(
                AuditAction.UPDATE,
                OBJECT,
                id,
                "《" + document.title() + "》" + (file == null ? "" : "，更换文件#" + document.fileId()));
        return view(document);
    }

    @Transactional
    @PreAuthorize(MaterialService.WRITE)
    public void delete(long id) {
        LibraryDocument document = editable(id);
        documents.delete(document);
        audit.record(AuditAction.DELETE, OBJECT, id, "《" + document.title() + "》");
    }

    /** The document's file, after the same scope check as reading the document. */
    @PreAuthorize(MaterialService.READ)
    public FileDownload download(long id) {
        LibraryDocument document = readable(id);
        StoredFile file = files.describe(document.fileId());
        return new FileDownload(file, files.open(file.id()));
    }

    /** Splits on commas, 、, semicolons and spaces; drops empties and repeats; keeps the order given. */
    static String normaliseTags(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String joined = String.join(
                ",",
                Arrays.stream(raw.split("[,，、;；\\s]+"))
                        .map(String::trim)
                        .filter(t -> !t.isEmpty())
                        .distinct()
                        .toList());
        if (joined.length() > 200) {
            throw new BusinessRuleException("标签合计最长200字");
        }
        return joined.isEmpty() ? null : joined;
    }

    private static void describe(LibraryDocument document, DocumentCommand command, String tags) {
        document.describe(
                command.title().trim(),
                command.category().trim(),
                tags,
                command.source() == null || command.source().isBlank()
                        ? null
                        : command.source().trim(),
                command.publishedOn());
    }

    private static String escape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private LibraryDocument readable(long id) {
        return NotFoundException.unless(
                documents.findById(id),
                d -> CurrentUser.require().canRead(orgs.get(d.orgId()).path()),
                OBJECT);
    }

    private LibraryDocument editable(long id) {
        return NotFoundException.unless(
                documents.findById(id), d -> MaterialClerks.maintains(orgs.get(d.orgId())), OBJECT);
    }

    private DocumentView view(LibraryDocument d) {
        return new DocumentView(
                d.getId(),
                d.title(),
                d.category(),
                d.tagList(),
                d.source(),
                d.publishedOn(),
                files.describe(d.fileId()),
                d.getVersion());
    }
}
