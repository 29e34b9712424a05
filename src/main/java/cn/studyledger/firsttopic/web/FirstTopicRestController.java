package cn.studyledger.firsttopic.web;

import cn.studyledger.common.PageResult;
import cn.studyledger.common.web.PageQuery;
import cn.studyledger.firsttopic.TaskStatus;
import cn.studyledger.firsttopic.domain.CancelCommand;
import cn.studyledger.firsttopic.domain.CompletionCommand;
import cn.studyledger.firsttopic.domain.DeploymentCommand;
import cn.studyledger.firsttopic.domain.FirstTopicViews.DeploymentView;
import cn.studyledger.firsttopic.domain.FirstTopicViews.InspectionRow;
import cn.studyledger.firsttopic.domain.FirstTopicViews.ItemDetail;
import cn.studyledger.firsttopic.domain.FirstTopicViews.ItemRow;
import cn.studyledger.firsttopic.domain.FirstTopicViews.TaskDetail;
import cn.studyledger.firsttopic.domain.FirstTopicViews.TaskRow;
import cn.studyledger.firsttopic.domain.FollowUpService;
import cn.studyledger.firsttopic.domain.InspectionCommand;
import cn.studyledger.firsttopic.domain.ItemCommand;
import cn.studyledger.firsttopic.domain.ItemService;
import cn.studyledger.firsttopic.domain.StudyCommand;
import cn.studyledger.firsttopic.domain.TaskCommand;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The first topic through the API; every state change of a record carries the version it was based on. */
@RestController
@RequestMapping("/api/v1")
class FirstTopicRestController {

    private final ItemService items;
    private final FollowUpService followUps;

    FirstTopicRestController(ItemService items, FollowUpService followUps) {
        this.items = items;
        this.followUps = followUps;
    }

    /** The register; {@code year} filters by year of publication. */
    @GetMapping("/orgs/{orgCode}/firsttopic/items")
    PageResult<ItemRow> list(
            @PathVariable String orgCode,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String q,
            PageQuery paging) {
        return items.search(orgCode, year, q, paging.page(), paging.size());
    }

    @PostMapping("/orgs/{orgCode}/firsttopic/items")
    @ResponseStatus(HttpStatus.CREATED)
    ItemDetail create(@PathVariable String orgCode, @Valid @RequestBody ItemCommand command) {
        return items.create(orgCode, command);
    }

    @GetMapping("/firsttopic/items/{id}")
    ItemDetail get(@PathVariable long id) {
        return items.get(id);
    }

    @PutMapping("/firsttopic/items/{id}")
    ItemDetail edit(@PathVariable long id, @RequestParam long version, @Valid @RequestBody ItemCommand command) {
        return items.edit(id, version, command);
    }

    @PostMapping("/firsttopic/items/{id}/studies")
    @ResponseStatus(HttpStatus.CREATED)
    ItemDetail link(@PathVariable long id, @Valid @RequestBody StudyCommand command) {
        return items.link(id, command);
    }

    @DeleteMapping("/firsttopic/items/{id}/studies/{studyId}")
    ItemDetail unlink(@PathVariable long id, @PathVariable long studyId) {
        return items.unlink(id, studyId);
    }

    @PostMapping("/firsttopic/items/{id}/deployments")
    @ResponseStatus(HttpStatus.CREATED)
    DeploymentView deploy(@PathVariable long id, @Valid @RequestBody DeploymentCommand command) {
        return followUps.deploy(id, command);
    }

    @GetMapping("/firsttopic/deployments/{id}")
    DeploymentView deployment(@PathVariable long id) {
        return followUps.deployment(id);
    }

    @PostMapping("/firsttopic/deployments/{id}/tasks")
    @ResponseStatus(HttpStatus.CREATED)
    TaskRow assign(@PathVariable long id, @Valid @RequestBody TaskCommand command) {
        return followUps.assign(id, command);
    }

    /** The year's tasks (due in it, given in it, or open from before it); {@code overdue=true} for 仅看逾期. */
    @GetMapping("/orgs/{orgCode}/years/{year}/firsttopic/tasks")
    PageResult<TaskRow> tasks(
            @PathVariable String orgCode,
            @PathVariable int year,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) TaskStatus status,
            PageQuery paging) {
        return followUps.tasks(orgCode, year, overdue, status, paging.page(), paging.size());
    }

    @GetMapping("/orgs/{orgCode}/years/{year}/firsttopic/overdue")
    List<TaskRow> overdue(@PathVariable String orgCode, @PathVariable int year) {
        return followUps.overdue(orgCode, year);
    }

    @GetMapping("/firsttopic/tasks/{id}")
    TaskDetail task(@PathVariable long id) {
        return followUps.task(id);
    }

    @PutMapping("/firsttopic/tasks/{id}")
    TaskDetail replan(@PathVariable long id, @RequestParam long version, @Valid @RequestBody TaskCommand command) {
        return followUps.replan(id, version, command);
    }

    @PostMapping("/firsttopic/tasks/{id}/complete")
    TaskDetail complete(
            @PathVariable long id, @RequestParam long version, @Valid @RequestBody CompletionCommand command) {
        return followUps.complete(id, version, command, null);
    }

    @PostMapping("/firsttopic/tasks/{id}/cancel")
    TaskDetail cancel(@PathVariable long id, @RequestParam long version, @Valid @RequestBody CancelCommand command) {
        return followUps.cancel(id, version, command);
    }

    @PostMapping("/firsttopic/tasks/{id}/inspections")
    @ResponseStatus(HttpStatus.CREATED)
    InspectionRow inspect(@PathVariable long id, @Valid @RequestBody InspectionCommand command) {
        return followUps.inspect(id, command);
    }
}
