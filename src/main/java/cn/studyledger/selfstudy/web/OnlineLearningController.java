package cn.studyledger.selfstudy.web;

import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.Flash;
import cn.studyledger.common.web.FormPost;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.selfstudy.domain.OnlineLearningCommand;
import cn.studyledger.selfstudy.domain.OnlineLearningImport;
import cn.studyledger.selfstudy.domain.OnlineLearningService;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
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

/** Online-learning pages (线上学习): the year's list, one row entered by hand, the .xlsx import, delete. */
@Controller
class OnlineLearningController {

    private static final String WRITE = "hasAuthority('" + Permissions.SELFSTUDY_ALL + "')";

    private final OnlineLearningService online;
    private final OnlineLearningImport importer;
    private final WorkContext context;

    OnlineLearningController(OnlineLearningService online, OnlineLearningImport importer, WorkContext context) {
        this.online = online;
        this.importer = importer;
        this.context = context;
    }

    @GetMapping("/online")
    String list(@RequestParam(required = false) Long person, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", online.search(context.requireOrgCode(), context.year(), person, page, 20));
        model.addAttribute("personTimes", online.personTimes(context.orgCode(), context.year()));
        model.addAttribute("seesAll", online.seesAll(context.orgCode()));
        model.addAttribute("edits", online.edits(context.orgCode()));
        model.addAttribute("group", online.group(context.orgCode(), context.year()));
        model.addAttribute("person", person);
        return "selfstudy/online";
    }

    @GetMapping("/online/new")
    @PreAuthorize(WRITE)
    String newForm(Model model) {
        LocalDate start = LocalDate.of(context.year(), 1, 1);
        return form(
                model,
                new OnlineLearningCommand(
                        null, "学习强国", start, start.plusMonths(3).minusDays(1), 0, 0));
    }

    @PostMapping("/online")
    @PreAuthorize(WRITE)
    String create(
            @Valid @ModelAttribute("command") OnlineLearningCommand command, BindingResult binding, FormPost post) {
        return post.refused(model -> form(model, command))
                .run(
                        () -> online.create(context.orgCode(), command),
                        "selfstudy.flash.onlineCreated",
                        "/online",
                        command.personTimes());
    }

    @PostMapping("/online/{id}/delete")
    @PreAuthorize(WRITE)
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        online.delete(id);
        return Flash.done(redirect, "common.deleted", "/online");
    }

    @GetMapping("/online/import")
    @PreAuthorize(WRITE)
    String importForm() {
        return context.hasOrg() ? "selfstudy/online-import" : "report/no-org";
    }

    @PostMapping("/online/import")
    @PreAuthorize(WRITE)
    String importFile(@RequestParam(value = "file", required = false) MultipartFile file, Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("error", "请选择要导入的 .xlsx 文件");
            return "selfstudy/online-import";
        }
        try (InputStream in = file.getInputStream()) {
            model.addAttribute("importResult", importer.run(context.requireOrgCode(), in));
        }
        return "selfstudy/online-import";
    }

    private String form(Model model, OnlineLearningCommand command) {
        model.addAttribute("command", command);
        model.addAttribute("group", online.group(context.requireOrgCode(), context.year()));
        return "selfstudy/online-form";
    }
}
