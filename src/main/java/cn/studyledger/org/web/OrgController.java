package cn.studyledger.org.web;

import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.Flash;
import cn.studyledger.common.web.FormPost;
import cn.studyledger.org.OrgType;
import cn.studyledger.org.domain.OrgCommand;
import cn.studyledger.org.domain.OrgService;
import cn.studyledger.org.domain.OrgService.OrgRow;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organisation tree for the system administrator: list, create, edit, deactivate. */
@Controller
@PreAuthorize("hasAuthority('" + Permissions.ORG_EDIT + "')")
class OrgController {

    private final OrgService orgs;

    OrgController(OrgService orgs) {
        this.orgs = orgs;
    }

    @ModelAttribute
    void vocabulary(Model model) {
        model.addAttribute("types", OrgType.values());
    }

    @GetMapping("/orgs")
    String list(Model model) {
        model.addAttribute("rows", orgs.tree());
        return "org/orgs";
    }

    @GetMapping("/orgs/new")
    String newForm(@RequestParam(required = false) String parent, Model model) {
        model.addAttribute("command", new OrgCommand(parent, "", "", OrgType.BRANCH, ""));
        return form(model, null, 0);
    }

    @PostMapping("/orgs")
    String create(@Valid @ModelAttribute("command") OrgCommand command, BindingResult binding, FormPost post) {
        return post.refused(model -> form(model, null, 0))
                .run(() -> orgs.create(command), "org.flash.orgCreated", "/orgs", command.name());
    }

    @GetMapping("/orgs/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        OrgRow row = orgs.row(id);
        model.addAttribute("command", row.toCommand());
        return form(model, id, row.version());
    }

    @PostMapping("/orgs/{id}")
    String edit(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @ModelAttribute("command") OrgCommand command,
            BindingResult binding,
            FormPost post) {
        return post.refused(model -> form(model, id, version))
                .run(() -> orgs.edit(id, version, command), "common.saved", "/orgs");
    }

    @PostMapping("/orgs/{id}/deactivate")
    String deactivate(@PathVariable long id, RedirectAttributes redirect) {
        orgs.deactivate(id);
        return Flash.done(redirect, "org.flash.orgDeactivated", "/orgs");
    }

    private String form(Model model, Long id, long version) {
        model.addAttribute("orgId", id);
        model.addAttribute("version", version);
        model.addAttribute("parents", orgs.tree());
        return "org/org-form";
    }
}
