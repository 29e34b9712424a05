package cn.studyledger.outreach.web;

import cn.studyledger.common.PageResult;
import cn.studyledger.common.web.Downloads;
import cn.studyledger.common.web.PageQuery;
import cn.studyledger.outreach.PublicityChannel;
import cn.studyledger.outreach.domain.BranchCommand;
import cn.studyledger.outreach.domain.BranchView;
import cn.studyledger.outreach.domain.ExchangeMeetingCommand;
import cn.studyledger.outreach.domain.ExchangeMeetingView;
import cn.studyledger.outreach.domain.ExchangeOverview;
import cn.studyledger.outreach.domain.ExchangeService;
import cn.studyledger.outreach.domain.JointSessionView;
import cn.studyledger.outreach.domain.LinkageService;
import cn.studyledger.outreach.domain.ParticipantsCommand;
import cn.studyledger.outreach.domain.PublicityCommand;
import cn.studyledger.outreach.domain.PublicityService;
import cn.studyledger.outreach.domain.PublicityView;
import cn.studyledger.outreach.domain.YouthGroupCommand;
import cn.studyledger.outreach.domain.YouthGroupView;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Outreach through the API: youth theory groups, partner branches, the participants of 联学共建 sessions,
 * publicity items (a file is added as multipart once the item exists, so an item created as JSON needs a link)
 * and external exchange meetings.
 */
@RestController
@RequestMapping("/api/v1")
class OutreachRestController {

    private final LinkageService linkage;
    private final PublicityService publicity;
    private final ExchangeService exchanges;

    OutreachRestController(LinkageService linkage, PublicityService publicity, ExchangeService exchanges) {
        this.linkage = linkage;
        this.publicity = publicity;
        this.exchanges = exchanges;
    }

    // ---- youth groups

    @GetMapping("/orgs/{orgCode}/youth-groups")
    List<YouthGroupView> youthGroups(@PathVariable String orgCode) {
        return linkage.youthGroups(orgCode);
    }

    @PostMapping("/orgs/{orgCode}/youth-groups")
    @ResponseStatus(HttpStatus.CREATED)
    YouthGroupView createGroup(@PathVariable String orgCode, @Valid @RequestBody YouthGroupCommand command) {
        return linkage.createGroup(orgCode, command);
    }

    @GetMapping("/youth-groups/{id}")
    YouthGroupView youthGroup(@PathVariable long id) {
        return linkage.youthGroup(id);
    }

    @PutMapping("/youth-groups/{id}")
    YouthGroupView editGroup(
            @PathVariable long id, @RequestParam long version, @Valid @RequestBody YouthGroupCommand command) {
        return linkage.editGroup(id, version, command);
    }

    @PostMapping("/youth-groups/{id}/dissolve")
    YouthGroupView dissolveGroup(@PathVariable long id, @RequestParam long version) {
        return linkage.dissolveGroup(id, version);
    }

    @PostMapping("/youth-groups/{id}/revive")
    YouthGroupView reviveGroup(@PathVariable long id, @RequestParam long version) {
        return linkage.reviveGroup(id, version);
    }

    @DeleteMapping("/youth-groups/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteGroup(@PathVariable long id) {
        linkage.deleteGroup(id);
    }

    // ---- branches

    @GetMapping("/orgs/{orgCode}/partner-branches")
    List<BranchView> branches(@PathVariable String orgCode) {
        return linkage.branches(orgCode);
    }

    @PostMapping("/orgs/{orgCode}/partner-branches")
    @ResponseStatus(HttpStatus.CREATED)
    BranchView createBranch(@PathVariable String orgCode, @Valid @RequestBody BranchCommand command) {
        return linkage.createBranch(orgCode, command);
    }

    @GetMapping("/partner-branches/{id}")
    BranchView branch(@PathVariable long id) {
        return linkage.branch(id);
    }

    @PutMapping("/partner-branches/{id}")
    BranchView editBranch(
            @PathVariable long id, @RequestParam long version, @Valid @RequestBody BranchCommand command) {
        return linkage.editBranch(id, version, command);
    }

    @PostMapping("/partner-branches/{id}/retire")
    BranchView retireBranch(@PathVariable long id, @RequestParam long version) {
        return linkage.retireBranch(id, version);
    }

    @PostMapping("/partner-branches/{id}/revive")
    BranchView reviveBranch(@PathVariable long id, @RequestParam long version) {
        return linkage.reviveBranch(id, version);
    }

    @DeleteMapping("/partner-branches/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteBranch(@PathVariable long id) {
        linkage.deleteBranch(id);
    }

    // ---- 联学共建

    @GetMapping("/orgs/{orgCode}/years/{year}/joint-sessions")
    List<JointSessionView> jointSessions(@PathVariable String orgCode, @PathVariable int year) {
        return linkage.jointSessions(orgCode, year);
    }

    @GetMapping("/joint-sessions/{sessionId}")
    JointSessionView jointSession(@PathVariable long sessionId) {
        return linkage.jointSession(sessionId);
    }

    /** Sets the participants; {@code version} is the link's version, omitted while the session has none. */
    @PutMapping("/joint-sessions/{sessionId}/participants")
    JointSessionView link(
            @PathVariable long sessionId,
            @RequestParam(required = false) Long version,
            @RequestBody ParticipantsCommand command) {
        return linkage.link(sessionId, version, command);
    }

    // ---- publicity

    @GetMapping("/orgs/{orgCode}/publicity")
    PageResult<PublicityView> publicity(
            @PathVariable String orgCode,
            @RequestParam int year,
            @RequestParam(required = false) PublicityChannel channel,
            @RequestParam(required = false) String q,
            PageQuery paging) {
        return publicity.search(orgCode, year, channel, q, paging.page(), paging.size());
    }

    @PostMapping("/orgs/{orgCode}/publicity")
    @ResponseStatus(HttpStatus.CREATED)
    PublicityView createItem(@PathVariable String orgCode, @Valid @RequestBody PublicityCommand command) {
        return publicity.create(orgCode, command, null);
    }

    /** Files the session's issued 学习简报 as a publicity item, with its Word file. */
    @PostMapping("/sessions/{id}/brief/publicity")
    @ResponseStatus(HttpStatus.CREATED)
    PublicityView fileBrief(@PathVariable long id) {
        return publicity.fileBrief(id);
    }

    @GetMapping("/publicity/{id}")
    PublicityView item(@PathVariable long id) {
        return publicity.get(id);
    }

    @PutMapping("/publicity/{id}")
    PublicityView editItem(
            @PathVariable long id, @RequestParam long version, @Valid @RequestBody PublicityCommand command) {
        return publicity.edit(id, version, command, null, false);
    }

    @DeleteMapping("/publicity/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteItem(@PathVariable long id) {
        publicity.delete(id);
    }

    /** Adds or replaces the item's file (part name {@code file}). */
    @PostMapping(value = "/publicity/{id}/file", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    PublicityView replaceFile(
            @PathVariable long id,
            @RequestParam(required = false) Long version,
            @RequestPart("file") MultipartFile file) {
        return publicity.replaceFile(id, version, Downloads.upload(file));
    }

    @GetMapping("/publicity/{id}/file")
    ResponseEntity<InputStreamResource> file(@PathVariable long id) {
        return Downloads.attachment(publicity.download(id));
    }

    // ---- exchange meetings

    @GetMapping("/orgs/{orgCode}/years/{year}/exchange-meetings")
    ExchangeOverview exchangeMeetings(@PathVariable String orgCode, @PathVariable int year) {
        return exchanges.overview(orgCode, year);
    }

    @PostMapping("/orgs/{orgCode}/exchange-meetings")
    @ResponseStatus(HttpStatus.CREATED)
    ExchangeMeetingView createMeeting(
            @PathVariable String orgCode, @Valid @RequestBody ExchangeMeetingCommand command) {
        return exchanges.create(orgCode, command);
    }

    @GetMapping("/exchange-meetings/{id}")
    ExchangeMeetingView meeting(@PathVariable long id) {
        return exchanges.get(id);
    }

    @PutMapping("/exchange-meetings/{id}")
    ExchangeMeetingView editMeeting(
            @PathVariable long id, @RequestParam long version, @Valid @RequestBody ExchangeMeetingCommand command) {
        return exchanges.edit(id, version, command);
    }

    @DeleteMapping("/exchange-meetings/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteMeeting(@PathVariable long id) {
        exchanges.delete(id);
    }
}
