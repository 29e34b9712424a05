package cn.studyledger.liaison.web;

import cn.studyledger.common.PageResult;
import cn.studyledger.common.web.PageQuery;
import cn.studyledger.liaison.domain.AcknowledgementCommand;
import cn.studyledger.liaison.domain.NoticeCommand;
import cn.studyledger.liaison.domain.NoticeService;
import cn.studyledger.liaison.domain.NoticeViews;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 学习提示 between levels: issued by an organisation to its direct subordinate units ({@code POST
 * /orgs/{orgCode}/notices}), received in a unit's inbox, acknowledged with the sessions that carried it out, and
 * followed by the issuer per unit ({@code /notices/{id}/status}).
 */
@RestController
@RequestMapping("/api/v1")
class NoticeRestController {

    private final NoticeService notices;

    NoticeRestController(NoticeService notices) {
        this.notices = notices;
    }

    @GetMapping("/orgs/{orgCode}/notices")
    PageResult<NoticeViews.Summary> issued(
            @PathVariable String orgCode,
            @RequestParam int year,
            @RequestParam(required = false) String q,
            PageQuery paging) {
        return notices.issued(orgCode, year, q, paging.page(), paging.size());
    }

    @PostMapping("/orgs/{orgCode}/notices")
    @ResponseStatus(HttpStatus.CREATED)
    NoticeViews.Notice issue(@PathVariable String orgCode, @Valid @RequestBody NoticeCommand command) {
        return notices.issue(orgCode, command);
    }

    @GetMapping("/orgs/{orgCode}/notices/inbox")
    List<NoticeViews.Summary> inbox(@PathVariable String orgCode, @RequestParam(required = false) Integer year) {
        return notices.inbox(orgCode, year);
    }

    @GetMapping("/notices/{id}")
    NoticeViews.Notice notice(@PathVariable long id) {
        return notices.get(id);
    }

    @GetMapping("/notices/{id}/status")
    NoticeViews.Status status(@PathVariable long id) {
        return notices.status(id);
    }

    @PostMapping("/notices/{id}/acknowledgement")
    NoticeViews.Receipt acknowledge(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @RequestBody(required = false) AcknowledgementCommand command) {
        return notices.acknowledge(
                id, version, command == null ? new AcknowledgementCommand(null, null, null) : command);
    }
}
