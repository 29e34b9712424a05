package cn.studyledger.org.web;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.Flash;
import cn.studyledger.common.web.HtmxFragment;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.domain.OrgService;
import cn.studyledger.org.domain.PersonCommand;
import cn.studyledger.org.domain.PersonImport;
import cn.studyledger.org.domain.PersonService;
import cn.studyledger.org.domain.PersonView;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
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

/** People pages: list and search, create, edit, deactivate, and the .xlsx import. */
@Controller
class PeopleController {

    private final PersonService people;
    private final PersonImport importer;
    private final OrgService orgs;
    private final WorkContext context;

    PeopleController(PersonService people, PersonImport importer, OrgService orgs, WorkContext context) {
        this.people = people;
        this.importer = importer;
        this.orgs = orgs;
        this.context = context;
    }

    @HtmxFragment("results")
    @GetMapping("/people")
    String list(
            @RequestParam(required = false) String org,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean inactive,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        String orgCode = orgCode(org, model);
        if (orgCode == null) {
            return "report/no-org";
        }
        model.addAttribute("result", people.search(orgCode, q, inactive, page, 20));
        model.addAttribute("q", q);
        model.addAttribute("inactive", inactive);
        return "org/people";
    }

    @GetMapping("/people/new")
    @PreAuthorize("hasAuthority('" + Permissions.PERSON_EDIT + "')")
    String newForm(@RequestParam(required = false) String org, Model model) {
        String orgCode = orgCode(org, model);
        model.addAttribute("command", new PersonCommand("", "", null, false, false));
        model.addAttribute("personId", null);
        return orgCode == null ? "report/no-org" : "org/person-form";
    }

    @PostMapping("/people")
    @PreAuthorize("hasAuthority('" + Permissions.PERSON_EDIT + "')")
    String create(
            @RequestParam String org,
            @Valid @ModelAttribute("command") PersonCommand command,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        orgCode(org, model);
        model.addAttribute("personId", null);
        if (binding.hasErrors()) {
            return "org/person-form";
        }
        people.create(org, command);
        return Flash.done(redirect, "org.flash.personCreated", "/people?org=" + org, command.name());
    }

    @GetMapping("/people/{id}/edit")
    @PreAuthorize("hasAuthority('" + Permissions.PERSON_EDIT + "')")
    String editForm(@PathVariable long id, Model model) {
        PersonView person = people.get(id);
        OrgRef org = orgs.get(person.orgId());
        orgCode(org.code(), model);
        model.addAttribute("command", person.toCommand());
        model.addAttribute("personId", id);
        model.addAttribute("version", person.version());
        return "org/person-form";
    }

    @PostMapping("/people/{id}")
    @PreAuthorize("hasAuthority('" + Permissions.PERSON_EDIT + "')")
    String edit(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @ModelAttribute("command") PersonCommand command,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        PersonView current = people.get(id);
        String orgCode = orgs.get(current.orgId()).code();
        if (binding.hasErrors()) {
            orgCode(orgCode, model);
            model.addAttribute("personId", id);
            model.addAttribute("version", version);
            return "org/person-form";
        }
        people.edit(id, version, command);
        return Flash.done(redirect, "common.saved", "/people?org=" + orgCode);
    }

    @PostMapping("/people/{id}/deactivate")
    @PreAuthorize("hasAuthority('" + Permissions.PERSON_EDIT + "')")
    String deactivate(@PathVariable long id, RedirectAttributes redirect) {
        PersonView person = people.get(id);
        people.deactivate(id);
        return Flash.done(
                redirect,
                "org.flash.personDeactivated",
                "/people?org=" + orgs.get(person.orgId()).code(),
                person.name());
    }

    @GetMapping("/people/import")
    @PreAuthorize("hasAuthority('" + Permissions.PERSON_EDIT + "')")
    String importForm(@RequestParam(required = false) String org, Model model) {
        return orgCode(org, model) == null ? "report/no-org" : "org/people-import";
    }

    @PostMapping("/people/import")
    @PreAuthorize("hasAuthority('" + Permissions.PERSON_EDIT + "')")
    String importFile(@RequestParam String org, @RequestParam("file") MultipartFile file, Model model)
            throws IOException {
        orgCode(org, model);
        if (file.isEmpty()) {
            throw new BusinessRuleException("请选择要导入的 .xlsx 文件");
        }
        try (InputStream in = file.getInputStream()) {
            model.addAttribute("importResult", importer.run(org, in));
        }
        return "org/people-import";
    }

    /** The organisation the page works on: the one asked for if in scope, else the working one. */
    private String orgCode(String requested, Model model) {
        List<OrgRef> scope = orgs.peopleScope();
        model.addAttribute("orgChoices", scope);
        String code = requested != null
                ? requested
                : context.hasOrg()
                        ? context.orgCode()
                        : scope.isEmpty() ? null : scope.get(0).code();
        model.addAttribute("orgCode", code);
        return code;
    }
}
