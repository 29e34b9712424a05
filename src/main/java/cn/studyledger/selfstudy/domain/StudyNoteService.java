package cn.studyledger.selfstudy.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.files.FileDownload;
import cn.studyledger.common.files.FileStore;
import cn.studyledger.common.files.StoredFile;
import cn.studyledger.common.files.Upload;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.PersonRef;
import cn.studyledger.selfstudy.SelfStudyChanged;
import cn.studyledger.selfstudy.StudyNoteLimits;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Study notes (学习笔记) of self-study entries: whoever may change the entry (its author, the clerk) attaches and
 * removes them, whoever may read it (also the 组长 and superiors) reads them. A file is checked against the year's
 * {@link StudyNoteLimits} while it is stored, in the same transaction as the note: a refused file stores nothing.
 */
@Service
@Transactional(readOnly = true)
public class StudyNoteService {

    static final String OBJECT = "学习笔记";
    private static final String ENTRY = "自学记录";
    private static final String READ =
            "hasAuthority('" + Permissions.SELFSTUDY_OWN + "') or hasAuthority('" + Permissions.SELFSTUDY_ALL + "')";
    private static final String WRITE = "hasAuthority('" + Permissions.SELFSTUDY_OWN + "')";

    private final SelfStudyRepository entries;
    private final StudyNoteRepository notes;
    private final OrgApi orgs;
    private final FileStore files;
    private final StudyNoteLimits limits;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    StudyNoteService(
            SelfStudyRepository entries,
            StudyNoteRepository notes,
            OrgApi orgs,
            FileStore files,
            StudyNoteLimits limits,
            AuditLog audit,
            ApplicationEventPublisher events) {
        this.entries = entries;
        this.notes = notes;
        this.orgs = orgs;
        this.files = files;
        this.limits = limits;
        this.audit = audit;
        this.events = events;
    }

    /** The entry's notes, oldest first. */
    @PreAuthorize(READ)
    public List<StudyNoteView> notes(long entryId) {
        readable(entryId);
        return notes.findByEntryIdOrderById(entryId).stream().map(this::view).toList();
    }

    /** The limits a note of the entry must keep, as its upload form shows them. */
    @PreAuthorize(READ)
    public StudyNoteLimits.Limits limits(long entryId) {
        SelfStudyEntry entry = readable(entryId);
        return limits.noteLimits(entry.orgId(), entry.date().getYear());
    }

    /** Attaches a file as a note of the entry; one over the year's limits answers 422 and stores nothing. */
    @Transactional
    @PreAuthorize(WRITE)
    public StudyNoteView attach(long entryId, Upload upload) {
        SelfStudyEntry entry = editable(entryId);
        if (upload == null) {
            throw new BusinessRuleException("请选择要上传的学习笔记文件");
        }
        StudyNoteLimits.Limits limit =
                limits.noteLimits(entry.orgId(), entry.date().getYear());
        StoredFile stored;
        try {
            stored = files.store(upload, limit.allowed(), limit.maxBytes(), limit.maxImageSide());
        } catch (BusinessRuleException e) {
            // the store's refusal, with the setting's document named as the other limits of self-study do
            throw new BusinessRuleException("学习笔记未保存：" + e.getMessage() + "（依据：" + limit.source() + "）");
        }
        StudyNote note = notes.saveAndFlush(new StudyNote(entryId, stored.id()));
        audit.record(
                AuditAction.CREATE,
                OBJECT,
                note.getId(),
                "自学记录#" + entryId + " " + entry.date() + " 上传学习笔记“" + stored.originalName() + "”#" + stored.id());
        events.publishEvent(new SelfStudyChanged(entry.orgId(), entry.date().getYear()));
        return view(note);
    }

    /** Removes a note from the entry; the stored file stays in the store, unreferenced. */
    @Transactional
    @PreAuthorize(WRITE)
    public void detach(long entryId, long fileId) {
        SelfStudyEntry entry = editable(entryId);
        StudyNote note = notes.findByEntryIdAndFileId(entryId, fileId).orElseThrow(() -> NotFoundException.of(OBJECT));
        StoredFile file = files.describe(fileId);
        notes.delete(note);
        notes.flush();
        audit.record(
                AuditAction.DELETE,
                OBJECT,
                note.getId(),
                "自学记录#" + entryId + " 删除学习笔记“" + file.originalName() + "”#" + fileId);
        events.publishEvent(new SelfStudyChanged(entry.orgId(), entry.date().getYear()));
    }

    /** A note's file, after the same scope check as reading the entry. */
    @PreAuthorize(READ)
    public FileDownload download(long entryId, long fileId) {
        readable(entryId);
        StudyNote note = notes.findByEntryIdAndFileId(entryId, fileId).orElseThrow(() -> NotFoundException.of(OBJECT));
        StoredFile file = files.describe(note.fileId());
        return new FileDownload(file, files.open(file.id()));
    }

    /** How many notes each of the entries has (entries without any are left out), for a list page. */
    public Map<Long, Long> counts(Collection<Long> entryIds) {
        if (entryIds.isEmpty()) {
            return Map.of();
        }
        return notes.findByEntryIdIn(entryIds).stream()
                .collect(Collectors.groupingBy(StudyNote::entryId, Collectors.counting()));
    }

    /** The entry the notes belong to, for their page; read as its notes are. */
    @PreAuthorize(READ)
    public SelfStudyRow entry(long entryId) {
        SelfStudyEntry e = readable(entryId);
        PersonRef p = orgs.people(Set.of(e.personId())).get(e.personId());
        return new SelfStudyRow(
                e.getId(),
                e.personId(),
                p == null ? "#" + e.personId() : p.name(),
                e.date(),
                e.hours(),
                e.content(),
                e.getVersion());
    }

    /** Whether the current user may attach and remove the entry's notes: its author, or the organisation's clerk. */
    public boolean mayEdit(long entryId) {
        try {
            editable(entryId);
            return CurrentUser.require().getAuthorities().stream()
                    .anyMatch(a -> a.getAuthority().equals(Permissions.SELFSTUDY_OWN));
        } catch (NotFoundException e) {
            return false;
        }
    }

    private SelfStudyEntry readable(long entryId) {
        SelfStudyEntry entry = entries.findById(entryId).orElseThrow(() -> NotFoundException.of(ENTRY));
        GroupAuthors.requireReadable(orgs.get(entry.orgId()), entry.personId(), ENTRY);
        return entry;
    }

    private SelfStudyEntry editable(long entryId) {
        SelfStudyEntry entry = entries.findById(entryId).orElseThrow(() -> NotFoundException.of(ENTRY));
        GroupAuthors.requireEditable(orgs.get(entry.orgId()), entry.personId(), ENTRY);
        return entry;
    }

    private StudyNoteView view(StudyNote n) {
        return new StudyNoteView(n.getId(), n.entryId(), files.describe(n.fileId()));
    }
}
