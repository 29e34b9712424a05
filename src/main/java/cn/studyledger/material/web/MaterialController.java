package cn.studyledger.material.web;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.Downloads;
import cn.studyledger.common.web.Flash;
import cn.studyledger.common.web.FormPage;
import cn.studyledger.common.web.FormPost;
import cn.studyledger.common.web.HtmxFragment;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.material.domain.IssueCommand;
import cn.studyledger.material.domain.IssueView;
import cn.studyledger.material.domain.MaterialService;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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

/** Pages of 专题学习资料: the year's issues, an issue with its files, new, edit, publish, delete, files. */
@Controller
class MaterialController {

    private static final String WRITE = "hasAuthority('" + Permissions.MATERIAL_EDIT + "')";

    private final MaterialService materials;
    private final WorkContext context;
    private final Clock clock;

    MaterialController(MaterialService materials, WorkContext context, Clock clock) {
        this.clock = clock;
        this.materials = materials;
        this.context = context;
    }

    @HtmxFragment("results")
    @GetMapping("/materials")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", materials.search(context.requireOrgCode(), context.year(), page, 20));
        model.addAttribute("edits", materials.edits(context.orgCode()));
        return "material/issues";
    }

    @GetMapping("/materials/{id}")
    String detail(@PathVariable long id, Model model) {
        IssueView issue = materials.get(id);
        model.addAttribute("issue", issue);
        model.addAttribute("edits", materials.mayEdit(id));
        model.addAttribute("maxSize", materials.maxUploadSize());
        return "material/issue";
    }

    @GetMapping("/materials/{id}/files/{fileId}")
    ResponseEntity<InputStreamResource> file(@PathVariable long id, @PathVariable long fileId) {
        return Downloads.attachment(materials.download(id, fileId));
    }

    @GetMapping("/materials/new")
    @PreAuthorize(WRITE)
    String newForm(Model model) {
        LocalDate today = LocalDate.now(clock);
        LocalDate date = today.getYear() == context.year() ? today : LocalDate.of(context.year(), 1, 1);
        int next = materials.nextIssueNo(context.requireOrgCode(), date.getYear());
        return form(model, new IssueCommand(next, "", date, ""), null, 0);
    }

    @PostMapping("/materials")
    @PreAuthorize(WRITE)
    String create(
            @Valid @ModelAttribute("command") IssueCommand command,
            BindingResult binding,
            @RequestParam(value = "files", required = false) List<MultipartFile> files,
            FormPost post) {
        return post.refused(model -> form(model, command, null, 0)).answer(() -> {
            IssueView created = materials.create(context.orgCode(), command, Downloads.uploads(files));
            return post.done("material.flash.issueCreated", "/materials/" + created.id(), created.label());
        });
    }

    @GetMapping("/materials/{id}/edit")
    @PreAuthorize(WRITE)
    String editForm(@PathVariable long id, Model model) {
        IssueView issue = materials.get(id);
        return form(model, issue.toCommand(), id, issue.version());
    }

    @PostMapping("/materials/{id}")
    @PreAuthorize(WRITE)
    String edit(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @ModelAttribute("command") IssueCommand command,
            BindingResult binding,
            FormPost post) {
        return post.refused(model -> form(model, command, id, version))
                .run(() -> materials.edit(id, version, command), "common.saved", "/materials/" + id);
    }

    @PostMapping("/materials/{id}/publish")
    @PreAuthorize(WRITE)
    String publish(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
        IssueView issue = materials.publish(id, version);
        return Flash.done(redirect, "material.flash.issuePublished", "/materials/" + id, issue.label());
    }

    @PostMapping("/materials/{id}/delete")
    @PreAuthorize(WRITE)
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        materials.delete(id);
        return Flash.done(redirect, "common.deleted", "/materials");
    }

    @PostMapping("/materials/{id}/files")
    @PreAuthorize(WRITE)
    String attach(
            @PathVariable long id,
            @RequestParam long version,
            @RequestParam(value = "files", required = false) List<MultipartFile> files,
            Model model,
            RedirectAttributes redirect) {
        try {
            IssueView issue = materials.attach(id, version, Downloads.uploads(files));
            return Flash.done(
                    redirect,
                    "material.flash.filesAttached",
                    "/materials/" + id,
                    issue.files().size());
        } catch (BusinessRuleException e) {
            model.addAttribute("uploadError", e.getMessage());
            return detail(id, model);
        }
    }

    @PostMapping("/materials/{id}/files/{fileId}/delete")
    @PreAuthorize(WRITE)
    String detach(
            @PathVariable long id, @PathVariable long fileId, @RequestParam long version, RedirectAttributes redirect) {
        materials.detach(id, fileId, version);
        return Flash.done(redirect, "material.flash.detach", "/materials/" + id);
    }

    private String form(Model model, IssueCommand command, Long id, long version) {
        context.requireOrgCode();
        FormPage.fill(model, command, "issueId", id, version);
        model.addAttribute("maxSize", materials.maxUploadSize());
        return "material/issue-form";
    }
}
