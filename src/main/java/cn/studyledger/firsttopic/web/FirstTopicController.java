package cn.studyledger.firsttopic.web;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.AgendaLinks;
import cn.studyledger.common.web.Flash;
import cn.studyledger.common.web.FormPage;
import cn.studyledger.common.web.FormPost;
import cn.studyledger.common.web.HtmxFragment;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.firsttopic.ItemScope;
import cn.studyledger.firsttopic.domain.DeploymentCommand;
import cn.studyledger.firsttopic.domain.FirstTopicViews.DeploymentView;
import cn.studyledger.firsttopic.domain.FirstTopicViews.ItemDetail;
import cn.studyledger.firsttopic.domain.FirstTopicViews.TaskRow;
import cn.studyledger.firsttopic.domain.FollowUpService;
import cn.studyledger.firsttopic.domain.ItemCommand;
import cn.studyledger.firsttopic.domain.ItemService;
import cn.studyledger.firsttopic.domain.StudyCommand;
import cn.studyledger.firsttopic.domain.TaskCommand;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
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

/**
 * Pages of the first-topic register: the list with search, an item with its studies, deployments, tasks and
 * inspections, and the forms for items, deployments and tasks.
 */
@Controller
class FirstTopicController {

    static final String ALL_YEARS = "all";

    private static final AgendaLinks STUDIES = new AgendaLinks("studyError", "firsttopic.studies");

    private final ItemService items;
    private final FollowUpService followUps;
    private final WorkContext context;
    private final Clock clock;

    FirstTopicController(ItemService items, FollowUpService followUps, WorkContext context, Clock clock) {
        this.clock = clock;
        this.items = items;
        this.followUps = followUps;
        this.context = context;
    }

    @ModelAttribute
    void vocabulary(Model model) {
        model.addAttribute("scopes", ItemScope.values());
    }

    /**
     * The register, by default of the working year's publications.
     *
     * @param year a year of publication, or {@value #ALL_YEARS}
     */
    @HtmxFragment("results")
    @GetMapping("/firsttopic")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String year,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Integer publishedIn = publicationYear(year);
        model.addAttribute("result", items.search(context.requireOrgCode(), publishedIn, q, page, 20));
        model.addAttribute("q", q);
        model.addAttribute("year", publishedIn == null ? ALL_YEARS : String.valueOf(publishedIn));
        model.addAttribute(
                "years",
                IntStream.rangeClosed(context.year() - 4, context.year() + 1)
                        .boxed()
                        .sorted((a, b) -> b - a)
                        .toList());
        model.addAttribute("canEdit", items.canEdit(context.orgCode()));
        return "firsttopic/list";
    }

    private Integer publicationYear(String year) {
        if (year == null || year.isBlank()) {
            return context.year();
        }
        if (ALL_YEARS.equals(year)) {
            return null;
        }
        try {
            return Integer.parseInt(year.trim());
        } catch (NumberFormatException e) {
            throw new BusinessRuleException("年度无效：" + year);
        }
    }

    @GetMapping("/firsttopic/new")
    @PreAuthorize("hasAuthority('" + Permissions.FIRSTTOPIC_EDIT + "')")
    String newForm(Model model) {
        return form(model, ItemCommand.blank(LocalDate.now(clock)), null, 0);
    }

    @PostMapping("/firsttopic")
    @PreAuthorize("hasAuthority('" + Permissions.FIRSTTOPIC_EDIT + "')")
    String create(@Valid @ModelAttribute("command") ItemCommand command, BindingResult binding, FormPost post) {
        return post.refused(model -> form(model, command, null, 0)).answer(() -> {
            ItemDetail created = items.create(context.orgCode(), command);
            return post.done("firsttopic.flash.create", "/firsttopic/" + created.id());
        });
    }

    @GetMapping("/firsttopic/{id}")
    String detail(@PathVariable long id, Model model) {
        ItemDetail detail = items.get(id);
        boolean canEdit = items.canEdit(detail.orgCode());
        model.addAttribute("detail", detail);
        model.addAttribute("canEdit", canEdit);
        model.addAttribute("studyOptions", canEdit ? items.studyOptions(id) : List.of());
        return "firsttopic/detail";
    }

    @GetMapping("/firsttopic/{id}/edit")
    @PreAuthorize("hasAuthority('" + Permissions.FIRSTTOPIC_EDIT + "')")
    String editForm(@PathVariable long id, Model model) {
        ItemDetail detail = items.get(id);
        return form(model, detail.toCommand(), id, detail.version());
    }

    @PostMapping("/firsttopic/{id}")
    @PreAuthorize("hasAuthority('" + Permissions.FIRSTTOPIC_EDIT + "')")
    String edit(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @ModelAttribute("command") ItemCommand command,
            BindingResult binding,
            FormPost post) {
        return post.refused(model -> form(model, command, id, version))
                .run(() -> items.edit(id, version, command), "common.saved", "/firsttopic/" + id);
    }

    @PostMapping("/firsttopic/{id}/studies")
    @PreAuthorize("hasAuthority('" + Permissions.FIRSTTOPIC_EDIT + "')")
    String link(@PathVariable long id, @RequestParam(required = false) Long agendaItemId, RedirectAttributes redirect) {
        return STUDIES.link(
                redirect, agendaItemId, item -> items.link(id, new StudyCommand(null, item)), "/firsttopic/" + id);
    }

    @PostMapping("/firsttopic/{id}/studies/{studyId}/delete")
    @PreAuthorize("hasAuthority('" + Permissions.FIRSTTOPIC_EDIT + "')")
    String unlink(@PathVariable long id, @PathVariable long studyId, RedirectAttributes redirect) {
        items.unlink(id, studyId);
        return Flash.done(redirect, "firsttopic.flash.unlink", "/firsttopic/" + id);
    }

    @GetMapping("/firsttopic/{id}/deployments/new")
    @PreAuthorize("hasAuthority('" + Permissions.FIRSTTOPIC_EDIT + "')")
    String newDeployment(@PathVariable long id, Model model) {
        ItemDetail detail = items.get(id);
        LocalDate today = LocalDate.now(clock);
        LocalDate date = detail.studies().isEmpty()
                ? today
                : detail.studies().get(detail.studies().size() - 1).sessionDate();
        Long session = detail.studies().isEmpty()
                ? null
                : detail.studies().get(detail.studies().size() - 1).sessionId();
        return deploymentForm(model, detail, new DeploymentCommand("", date, session));
    }

    @PostMapping("/firsttopic/{id}/deployments")
    @PreAuthorize("hasAuthority('" + Permissions.FIRSTTOPIC_EDIT + "')")
    String deploy(
            @PathVariable long id,
            @Valid @ModelAttribute("command") DeploymentCommand command,
            BindingResult binding,
            FormPost post) {
        return post.refused(model -> deploymentForm(model, items.get(id), command))
                .run(() -> followUps.deploy(id, command), "firsttopic.flash.deploy", "/firsttopic/" + id);
    }

    @GetMapping("/firsttopic/deployments/{deploymentId}/tasks/new")
    @PreAuthorize("hasAuthority('" + Permissions.FIRSTTOPIC_EDIT + "')")
    String newTask(@PathVariable long deploymentId, Model model) {
        DeploymentView deployment = followUps.deployment(deploymentId);
        return taskForm(
                model,
                deployment,
                new TaskCommand("", null, deployment.decidedOn().plusMonths(2)));
    }

    @PostMapping("/firsttopic/deployments/{deploymentId}/tasks")
    @PreAuthorize("hasAuthority('" + Permissions.FIRSTTOPIC_EDIT + "')")
    String assign(
            @PathVariable long deploymentId,
            @Valid @ModelAttribute("command") TaskCommand command,
            BindingResult binding,
            FormPost post) {
        return post.refused(model -> taskForm(model, followUps.deployment(deploymentId), command))
                .answer(() -> {
                    TaskRow task = followUps.assign(deploymentId, command);
                    return post.done("firsttopic.flash.taskAssigned", "/firsttopic/" + task.itemId(), task.title());
                });
    }

    private String form(Model model, ItemCommand command, Long id, long version) {
        context.requireOrgCode();
        FormPage.fill(model, command, "itemId", id, version);
        return "firsttopic/form";
    }

    private String deploymentForm(Model model, ItemDetail detail, DeploymentCommand command) {
        model.addAttribute("detail", detail);
        model.addAttribute("command", command);
        return "firsttopic/deployment-form";
    }

    private String taskForm(Model model, DeploymentView deployment, TaskCommand command) {
        ItemDetail detail = items.get(deployment.itemId());
        model.addAttribute("detail", detail);
        model.addAttribute("deployment", deployment);
        model.addAttribute("command", command);
        model.addAttribute("owners", followUps.owners(detail.orgCode()));
        return "firsttopic/task-form";
    }
}
