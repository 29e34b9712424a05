package cn.studyledger.session.web;

import cn.studyledger.common.web.Downloads;
import cn.studyledger.session.domain.SessionBriefs;
import cn.studyledger.session.domain.SessionBriefs.BriefView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A session's 学习简报 through the API: read (the stored draft or one composed from the record), edit, issue as the
 * next 第N期, and download as Word (a draft marked 【草稿】).
 */
@RestController
@RequestMapping("/api/v1")
class SessionBriefRestController {

    private final SessionBriefs briefs;

    SessionBriefRestController(SessionBriefs briefs) {
        this.briefs = briefs;
    }

    /** The clerk's edit of a brief: its title and body (paragraphs one a line). */
    record BriefEdit(
            @NotBlank(message = "请填写简报标题") @Size(max = 200, message = "简报标题最长200字")
            String title,

            @NotBlank(message = "请填写简报正文") @Size(max = 20000, message = "简报正文最长20000字")
            String body) {}

    @GetMapping("/sessions/{id}/brief")
    BriefView get(@PathVariable long id) {
        return briefs.get(id);
    }

    @PutMapping("/sessions/{id}/brief")
    BriefView save(@PathVariable long id, @RequestParam long version, @Valid @RequestBody BriefEdit edit) {
        return briefs.save(id, version, edit.title(), edit.body());
    }

    @PostMapping("/sessions/{id}/brief/issue")
    BriefView issue(@PathVariable long id, @RequestParam long version) {
        return briefs.issue(id, version);
    }

    @GetMapping("/sessions/{id}/brief.docx")
    ResponseEntity<byte[]> docx(@PathVariable long id) {
        BriefView brief = briefs.get(id);
        return Downloads.document(briefs.docx(id), Downloads.DOCX, SessionBriefs.fileName(brief));
    }
}
