package cn.studyledger.material.web;

import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.Downloads;
import cn.studyledger.common.web.Flash;
import cn.studyledger.common.web.FormPage;
import cn.studyledger.common.web.FormPost;
import cn.studyledger.common.web.HtmxFragment;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.material.domain.DocumentCommand;
import cn.studyledger.material.domain.DocumentView;
import cn.studyledger.material.domain.LibraryService;
import jakarta.validation.Valid;
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

/** Pages of the study library (学习资料库): search, upload, edit, delete, download. */
@Controller
class LibraryController {

    private static final String WRITE = "hasAuthority('" + Permissions.MATERIAL_EDIT + "')";

    private final LibraryService library;
    private final WorkContext context;

    LibraryController(LibraryService library, WorkContext context) {
        this.library = library;
        this.context = context;
    }

    @HtmxFragment("results")
    @GetMapping("/library")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String tag,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("result", library.search(context.requireOrgCode(), q, category, tag, page, 20));
        model.addAttribute("categories", library.categories(context.orgCode()));
        model.addAttribute("edits", library.edits(context.orgCode()));
        model.addAttribute("q", q);
        model.addAttribute("category", category);
        model.addAttribute("tag", tag);
        return "material/library";
    }

    @GetMapping("/library/{id}/file")
    ResponseEntity<InputStreamResource> file(@PathVariable long id) {
        return Downloads.attachment(library.download(id));
    }

    @GetMapping("/library/new")
    @PreAuthorize(WRITE)
    String newForm(Model model) {
        return form(model, new DocumentCommand("", "", "", "", null), null, 0);
    }

    @PostMapping("/library")
    @PreAuthorize(WRITE)
    String create(
            @Valid @ModelAttribute("command") DocumentCommand command,
            BindingResult binding,
            @RequestParam(value = "file", required = false) MultipartFile file,
            FormPost post) {
        return post.refused(model -> form(model, command, null, 0)).answer(() -> {
            DocumentView created = library.create(context.orgCode(), command, Downloads.upload(file));
            return post.done("material.flash.documentUploaded", "/library", created.title());
        });
    }

    @GetMapping("/library/{id}/edit")
    @PreAuthorize(WRITE)
    String editForm(@PathVariable long id, Model model) {
        DocumentView document = library.get(id);
        if (!library.mayEdit(id)) {
            throw NotFoundException.of("学习资料库文档");
        }
        return form(model, document.toCommand(), id, document.version());
    }

    @PostMapping("/library/{id}")
    @PreAuthorize(WRITE)
    String edit(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @ModelAttribute("command") DocumentCommand command,
            BindingResult binding,
            @RequestParam(value = "file", required = false) MultipartFile file,
            FormPost post) {
        return post.refused(model -> form(model, command, id, version))
                .run(() -> library.edit(id, version, command, Downloads.upload(file)), "common.saved", "/library");
    }

    @PostMapping("/library/{id}/delete")
    @PreAuthorize(WRITE)
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        library.delete(id);
        return Flash.done(redirect, "common.deleted", "/library");
    }

    private String form(Model model, DocumentCommand command, Long id, long version) {
        FormPage.fill(model, command, "documentId", id, version);
        model.addAttribute("document", id == null ? null : library.get(id));
        model.addAttribute("categories", library.categories(context.requireOrgCode()));
        model.addAttribute("maxSize", library.maxUploadSize());
        return "material/document-form";
    }
}
