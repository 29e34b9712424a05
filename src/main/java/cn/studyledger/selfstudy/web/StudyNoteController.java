package cn.studyledger.selfstudy.web;

import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.Downloads;
import cn.studyledger.common.web.Flash;
import cn.studyledger.common.web.FormPost;
import cn.studyledger.selfstudy.domain.StudyNoteService;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The study notes (学习笔记) page of a self-study entry: its notes to open, an upload form, remove. */
@Controller
class StudyNoteController {

    private static final String WRITE = "hasAuthority('" + Permissions.SELFSTUDY_OWN + "')";

    private final StudyNoteService notes;

    StudyNoteController(StudyNoteService notes) {
        this.notes = notes;
    }

    @GetMapping("/selfstudy/{id}/notes")
    String page(@PathVariable long id, Model model) {
        return page(model, id);
    }

    @PostMapping("/selfstudy/{id}/notes")
    @PreAuthorize(WRITE)
    String attach(
            @PathVariable long id, @RequestParam(value = "file", required = false) MultipartFile file, FormPost post) {
        return post.refused(model -> page(model, id))
                .status(HttpStatus.UNPROCESSABLE_CONTENT)
                .run(
                        () -> notes.attach(id, Downloads.upload(file)),
                        "selfstudy.flash.noteAttached",
                        "/selfstudy/" + id + "/notes",
                        file == null ? "" : file.getOriginalFilename());
    }

    @GetMapping("/selfstudy/{id}/notes/{fileId}")
    ResponseEntity<InputStreamResource> file(@PathVariable long id, @PathVariable long fileId) {
        return Downloads.attachment(notes.download(id, fileId));
    }

    @PostMapping("/selfstudy/{id}/notes/{fileId}/delete")
    @PreAuthorize(WRITE)
    String detach(@PathVariable long id, @PathVariable long fileId, RedirectAttributes redirect) {
        notes.detach(id, fileId);
        return Flash.done(redirect, "common.deleted", "/selfstudy/" + id + "/notes");
    }

    private String page(Model model, long id) {
        model.addAttribute("entry", notes.entry(id));
        model.addAttribute("notes", notes.notes(id));
        model.addAttribute("limits", notes.limits(id));
        model.addAttribute("canEdit", notes.mayEdit(id));
        return "selfstudy/notes";
    }
}
