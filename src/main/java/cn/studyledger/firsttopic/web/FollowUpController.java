package cn.studyledger.firsttopic.web;

import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.FormPost;
import cn.studyledger.common.web.HtmxFragment;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.firsttopic.InspectionRating;
import cn.studyledger.firsttopic.TaskStatus;
import cn.studyledger.firsttopic.domain.CancelCommand;
import cn.studyledger.firsttopic.domain.CompletionCommand;
import cn.studyledger.firsttopic.domain.FirstTopicViews.TaskDetail;
import cn.studyledger.firsttopic.domain.FollowUpService;
import cn.studyledger.firsttopic.domain.FollowUpService.Attachment;
import cn.studyledger.firsttopic.domain.FollowUpService.EvidenceFile;
import cn.studyledger.firsttopic.domain.InspectionCommand;
import cn.studyledger.firsttopic.domain.ItemService;
import cn.studyledger.firsttopic.domain.TaskCommand;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

/**
 * Pages of the follow-up tasks: the year's tasks with the overdue ones highlighted (and a filter for them), a
 * task with its evidence and inspections, and the clerk's forms to complete, cancel, change and inspect it.
 */
@Controller
class FollowUpController {

    private final FollowUpService followUps;
    private final ItemService items;
    private final WorkContext context;
    private final Clock clock;

    FollowUpController(FollowUpService followUps, ItemService items, WorkContext context, Clock clock) {
        this.clock = clock;
        this.followUps = followUps;
        this.items = items;
        this.context = context;
    }

    @ModelAttribute
    void vocabulary(Model model) {
        model.addAttribute("taskStatuses", TaskStatus.values());
        model.addAttribute("ratings", InspectionRating.values());
    }

    @HtmxFragment("results")
    @GetMapping("/firsttopic/tasks")
    String list(
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) TaskStatus status,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute(
                "result", followUps.tasks(context.requireOrgCode(), context.year(), overdue, status, page, 20));
        model.addAttribute(
                "overdueCount",
                followUps.overdue(context.orgCode(), context.year()).size());
        model.addAttribute("overdue", overdue);
        model.addAttribute("status", status);
        return "firsttopic/tasks";
    }

    @GetMapping("/firsttopic/tasks/{id}")
    String task(@PathVariable long id, Model model) {
        return taskPage(id, model);
    }

    @PostMapping("/firsttopic/tasks/{id}/complete")
    @PreAuthorize("hasAuthority('" + Permissions.FIRSTTOPIC_EDIT + "')")
    String complete(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @ModelAttribute("completion") CompletionCommand command,
            BindingResult binding,
            @RequestParam(value = "file", required = false) MultipartFile file,
            FormPost post) {
        return post.refusedAs("completionError", model -> taskPage(id, model))
                .run(
                        () -> followUps.complete(id, version, command, attachment(file)),
                        "firsttopic.flash.complete",
                        "/firsttopic/tasks/" + id);
    }

    @PostMapping("/firsttopic/tasks/{id}/cancel")
    @PreAuthorize("hasAuthority('" + Permissions.FIRSTTOPIC_EDIT + "')")
    String cancel(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @ModelAttribute("cancellation") CancelCommand command,
            BindingResult binding,
            FormPost post) {
        return post.refusedAs("cancellationError", model -> taskPage(id, model))
                .run(
                        () -> followUps.cancel(id, version, command),
                        "firsttopic.flash.cancel",
                        "/firsttopic/tasks/" + id);
    }

    @PostMapping("/firsttopic/tasks/{id}/inspections")
    @PreAuthorize("hasAuthority('" + Permissions.FIRSTTOPIC_EDIT + "')")
    String inspect(
            @PathVariable long id,
            @Valid @ModelAttribute("inspection") InspectionCommand command,
            BindingResult binding,
            FormPost post) {
        return post.refusedAs("inspectionError", model -> taskPage(id, model))
                .run(() -> followUps.inspect(id, command), "firsttopic.flash.inspect", "/firsttopic/tasks/" + id);
    }

    @GetMapping("/firsttopic/tasks/{id}/edit")
    @PreAuthorize("hasAuthority('" + Permissions.FIRSTTOPIC_EDIT + "')")
    String editForm(@PathVariable long id, Model model) {
        TaskDetail detail = followUps.task(id);
        var t = detail.task();
        return editPage(model, detail, new TaskCommand(t.title(), t.ownerPersonId(), t.dueOn()));
    }

    @PostMapping("/firsttopic/tasks/{id}")
    @PreAuthorize("hasAuthority('" + Permissions.FIRSTTOPIC_EDIT + "')")
    String edit(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @ModelAttribute("command") TaskCommand command,
            BindingResult binding,
            FormPost post) {
        return post.refused(model -> editPage(model, followUps.task(id), command))
                .run(() -> followUps.replan(id, version, command), "common.saved", "/firsttopic/tasks/" + id);
    }

    /** The task's supporting document, only to those who may read the task. */
    @GetMapping("/firsttopic/tasks/{id}/evidence")
    ResponseEntity<InputStreamResource> evidence(@PathVariable long id) {
        EvidenceFile evidence = followUps.evidenceFile(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(evidence.file().contentType()))
                .contentLength(evidence.file().size())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(evidence.file().originalName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(new InputStreamResource(evidence.content()));
    }

    private static Attachment attachment(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try {
            return new Attachment(file.getOriginalFilename(), file.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String taskPage(long id, Model model) {
        TaskDetail detail = followUps.task(id);
        model.addAttribute("detail", detail);
        model.addAttribute("canEdit", items.canEdit(detail.orgCode()));
        LocalDate today = LocalDate.now(clock);
        if (!model.containsAttribute("completion")) {
            model.addAttribute("completion", new CompletionCommand("", today));
        }
        if (!model.containsAttribute("cancellation")) {
            model.addAttribute("cancellation", new CancelCommand(""));
        }
        if (!model.containsAttribute("inspection")) {
            model.addAttribute("inspection", new InspectionCommand(today, "", null));
        }
        return "firsttopic/task";
    }

    private String editPage(Model model, TaskDetail detail, TaskCommand command) {
        model.addAttribute("detail", detail);
        model.addAttribute("command", command);
        model.addAttribute("owners", followUps.owners(detail.orgCode()));
        return "firsttopic/task-edit";
    }
}
