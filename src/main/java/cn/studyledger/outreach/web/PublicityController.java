package cn.studyledger.outreach.web;

import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.Downloads;
import cn.studyledger.common.web.Flash;
import cn.studyledger.common.web.FormPage;
import cn.studyledger.common.web.FormPost;
import cn.studyledger.common.web.HtmxFragment;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.outreach.PublicityChannel;
import cn.studyledger.outreach.domain.PublicityCommand;
import cn.studyledger.outreach.domain.PublicityService;
import cn.studyledger.outreach.domain.PublicityView;
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

/** Pages of 宣传报道: the list by channel, year and title, an item, new, edit, delete and its file. */
@Controller
class PublicityController {

    private static final String WRITE = "hasAuthority('" + Permissions.OUTREACH_EDIT + "')";

    private final PublicityService publicity;
    private final WorkContext context;
    private final Clock clock;

    PublicityController(PublicityService publicity, WorkContext context, Clock clock) {
        this.clock = clock;
        this.publicity = publicity;
        this.context = context;
    }

    @HtmxFragment("results")
    @GetMapping("/outreach/publicity")
    String list(
            @RequestParam(required = false) PublicityChannel channel,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        int shown = year == null ? context.year() : year;
        model.addAttribute("result", publicity.search(context.requireOrgCode(), shown, channel, q, page, 20));
        model.addAttribute("channels", PublicityChannel.values());
        model.addAttribute("channel", channel);
        model.addAttribute("year", shown);
        model.addAttribute("q", q);
        model.addAttribute("edits", publicity.edits(context.orgCode()));
        return "outreach/publicity";
    }

    @GetMapping("/outreach/publicity/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("item", publicity.get(id));
        model.addAttribute("edits", context.hasOrg() && publicity.mayEdit(id));
        return "outreach/publicity-item";
    }

    @GetMapping("/outreach/publicity/{id}/file")
    ResponseEntity<InputStreamResource> file(@PathVariable long id) {
        return Downloads.attachment(publicity.download(id));
    }

    @GetMapping("/outreach/publicity/new")
    @PreAuthorize(WRITE)
    String newForm(Model model) {
        LocalDate today = LocalDate.now(clock);
        LocalDate date = today.getYear() == context.year() ? today : LocalDate.of(context.year(), 1, 1);
        return form(model, new PublicityCommand(PublicityChannel.NEW_MEDIA, "", "", date, "", ""), null, 0);
    }

    @PostMapping("/outreach/publicity")
    @PreAuthorize(WRITE)
    String create(
            @Valid @ModelAttribute("command") PublicityCommand command,
            BindingResult binding,
            @RequestParam(value = "file", required = false) MultipartFile file,
            FormPost post) {
        return post.refused(model -> form(model, command, null, 0)).answer(() -> {
            PublicityView created = publicity.create(context.orgCode(), command, Downloads.upload(file));
            return post.done("outreach.flash.publicityCreated", "/outreach/publicity/" + created.id(), created.title());
        });
    }

    /** Files the session's issued 学习简报 as a publicity item; back on the session page with a link to the item. */
    @PostMapping("/sessions/{id}/brief/publicity")
    @PreAuthorize(WRITE)
    String fileBrief(@PathVariable long id, RedirectAttributes redirect) {
        PublicityView item = publicity.fileBrief(id);
        redirect.addFlashAttribute("filedPublicity", item);
        return Flash.done(redirect, "outreach.flash.briefFiled", "/sessions/" + id + "#brief", item.title());
    }

    @GetMapping("/outreach/publicity/{id}/edit")
    @PreAuthorize(WRITE)
    String editForm(@PathVariable long id, Model model) {
        PublicityView item = publicity.get(id);
        if (!publicity.mayEdit(id)) {
            throw NotFoundException.of("宣传报道");
        }
        return form(model, item.toCommand(), id, item.version());
    }

    @PostMapping("/outreach/publicity/{id}")
    @PreAuthorize(WRITE)
    String edit(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @ModelAttribute("command") PublicityCommand command,
            BindingResult binding,
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean removeFile,
            FormPost post) {
        return post.refused(model -> form(model, command, id, version))
                .run(
                        () -> publicity.edit(id, version, command, Downloads.upload(file), removeFile),
                        "common.saved",
                        "/outreach/publicity/" + id);
    }

    @PostMapping("/outreach/publicity/{id}/delete")
    @PreAuthorize(WRITE)
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        publicity.delete(id);
        return Flash.done(redirect, "common.deleted", "/outreach/publicity");
    }

    private String form(Model model, PublicityCommand command, Long id, long version) {
        FormPage.fill(model, command, "itemId", id, version);
        model.addAttribute("item", id == null ? null : publicity.get(id));
        model.addAttribute("channels", PublicityChannel.values());
        model.addAttribute("columns", publicity.columns(context.requireOrgCode()));
        model.addAttribute("maxSize", publicity.maxUploadSize());
        return "outreach/publicity-form";
    }
}
