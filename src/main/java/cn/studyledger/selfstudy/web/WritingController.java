package cn.studyledger.selfstudy.web;

import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.Downloads;
import cn.studyledger.common.web.Flash;
import cn.studyledger.common.web.FormPost;
import cn.studyledger.common.web.HtmxFragment;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.selfstudy.WritingKind;
import cn.studyledger.selfstudy.domain.WritingCommand;
import cn.studyledger.selfstudy.domain.WritingService;
import cn.studyledger.selfstudy.domain.WritingView;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Writing pages (学习成果): the list, a writing with its file, new and edit forms with an upload, delete. */
@Controller
class WritingController {

    private static final String WRITE = "hasAuthority('" + Permissions.WRITING_OWN + "')";

    private final WritingService writings;
    private final WorkContext context;
    private final Clock clock;

    WritingController(WritingService writings, WorkContext context, Clock clock) {
        this.clock = clock;
        this.writings = writings;
        this.context = context;
    }

    @ModelAttribute
    void vocabulary(Model model) {
        model.addAttribute("kinds", WritingKind.values());
    }

    @HtmxFragment("results")
    @GetMapping("/writings")
    String list(
            @RequestParam(required = false) WritingKind kind,
            @RequestParam(required = false) Long person,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("result", writings.search(context.requireOrgCode(), context.year(), kind, person, page, 20));
        model.addAttribute("seesAll", writings.seesAll(context.orgCode()));
        model.addAttribute("editsAll", writings.editsAll(context.orgCode()));
        model.addAttribute("group", writings.group(context.orgCode(), context.year()));
        model.addAttribute("authors", writings.authors(context.orgCode(), context.year()));
        model.addAttribute("kind", kind);
        model.addAttribute("person", person);
        return "selfstudy/writings";
    }

    @GetMapping("/writings/{id}")
    String detail(@PathVariable long id, Model model) {
        WritingView writing = writings.get(id);
        model.addAttribute("writing", writing);
        model.addAttribute("canEdit", writings.mayEdit(id));
        return "selfstudy/writing";
    }

    @GetMapping("/writings/{id}/file")
    ResponseEntity<InputStreamResource> file(@PathVariable long id) {
        return Downloads.attachment(writings.download(id));
    }

    @GetMapping("/writings/new")
    @PreAuthorize(WRITE)
    String newForm(Model model) {
        LocalDate today = LocalDate.now(clock);
        LocalDate date = today.getYear() == context.year() ? today : LocalDate.of(context.year(), 12, 31);
        if (date.isAfter(today)) {
            date = today;
        }
        return form(model, new WritingCommand(null, WritingKind.EXPERIENCE, "", date, ""), null, 0);
    }

    @PostMapping("/writings")
    @PreAuthorize(WRITE)
    String create(
            @Valid @ModelAttribute("command") WritingCommand command,
            BindingResult binding,
            @RequestParam(value = "file", required = false) MultipartFile file,
            FormPost post) {
        return post.refused(model -> form(model, command, null, 0)).answer(() -> {
            WritingView created = writings.create(context.orgCode(), command, Downloads.upload(file));
            return post.done(
                    "selfstudy.flash.writingCreated",
                    "/writings/" + created.id(),
                    created.kindLabel(),
                    created.title());
        });
    }

    @GetMapping("/writings/{id}/edit")
    @PreAuthorize(WRITE)
    String editForm(@PathVariable long id, Model model) {
        WritingView writing = writings.get(id);
        if (!writings.mayEdit(id)) {
            throw NotFoundException.of("学习成果");
        }
        return form(model, writing.toCommand(), id, writing.version());
    }

    @PostMapping("/writings/{id}")
    @PreAuthorize(WRITE)
    String edit(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @ModelAttribute("command") WritingCommand command,
            BindingResult binding,
            @RequestParam(value = "file", required = false) MultipartFile file,
            FormPost post) {
        return post.refused(model -> form(model, command, id, version))
                .run(
                        () -> writings.edit(id, version, command, Downloads.upload(file)),
                        "common.saved",
                        "/writings/" + id);
    }

    @PostMapping("/writings/{id}/delete")
    @PreAuthorize(WRITE)
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        writings.delete(id);
        return Flash.done(redirect, "common.deleted", "/writings");
    }

    private String form(Model model, WritingCommand command, Long id, long version) {
        model.addAttribute("command", command);
        model.addAttribute("writingId", id);
        model.addAttribute("writing", id == null ? null : writings.get(id));
        model.addAttribute("version", version);
        model.addAttribute("authors", writings.authors(context.requireOrgCode(), context.year()));
        model.addAttribute("maxSize", writings.maxUploadSize());
        return "selfstudy/writing-form";
    }
}
