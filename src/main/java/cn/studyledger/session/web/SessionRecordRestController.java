package cn.studyledger.session.web;

import cn.studyledger.session.SpeechKind;
import cn.studyledger.session.domain.ParticipationService;
import cn.studyledger.session.domain.SessionRecordService;
import cn.studyledger.session.domain.SessionViews.LeaveRow;
import cn.studyledger.session.domain.SessionViews.SessionDetail;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

/**
 * The session's records and the members' own actions through the API: 学习方案 and its decision, 列席, speeches
 * (outline files are uploaded through the page), minutes, 讲评, leave requests and decisions, make-ups, check-in.
 */
@RestController
@RequestMapping("/api/v1")
class SessionRecordRestController {

    private final SessionRecordService records;
    private final ParticipationService participation;

    SessionRecordRestController(SessionRecordService records, ParticipationService participation) {
        this.records = records;
        this.participation = participation;
    }

    /** A text sent with a change. */
    record Text(
            @NotBlank(message = "请填写内容") @Size(max = 8000, message = "内容过长")
            String text) {}

    /** A decision of the 组长. */
    record Decision(
            boolean approve,
            @Size(max = 500, message = "意见最长500字") String comment) {}

    /** A speech without an outline file (交流发言, or a 重点发言 whose outline is uploaded on the page). */
    record NewSpeech(
            @NotNull(message = "请选择发言人") Long personId,
            @NotNull(message = "请选择发言类型") SpeechKind kind,

            @NotBlank(message = "请填写发言题目") @Size(max = 200, message = "发言题目最长200字")
            String title) {}

    @PostMapping("/sessions/{id}/plan")
    SessionDetail submitPlan(@PathVariable long id, @RequestParam long version, @Valid @RequestBody Text plan) {
        return records.submitStudyPlan(id, version, plan.text());
    }

    @PostMapping("/sessions/{id}/plan/decision")
    SessionDetail decidePlan(@PathVariable long id, @RequestParam long version, @Valid @RequestBody Decision decision) {
        return records.decideStudyPlan(id, version, decision.approve(), decision.comment());
    }

    @PostMapping("/sessions/{id}/attendees/{personId}")
    SessionDetail addAttendee(@PathVariable long id, @PathVariable long personId) {
        return records.addAttendee(id, personId);
    }

    @DeleteMapping("/sessions/{id}/attendees/{personId}")
    SessionDetail removeAttendee(@PathVariable long id, @PathVariable long personId) {
        return records.removeAttendee(id, personId);
    }

    @PostMapping("/sessions/{id}/speeches")
    @ResponseStatus(HttpStatus.CREATED)
    SessionDetail addSpeech(@PathVariable long id, @Valid @RequestBody NewSpeech speech) {
        return records.addSpeech(id, speech.personId(), speech.kind(), speech.title(), null);
    }

    @DeleteMapping("/sessions/{id}/speeches/{speechId}")
    SessionDetail removeSpeech(@PathVariable long id, @PathVariable long speechId) {
        return records.removeSpeech(id, speechId);
    }

    @PutMapping("/sessions/{id}/minutes")
    SessionDetail minutes(@PathVariable long id, @RequestParam long version, @Valid @RequestBody Text minutes) {
        return records.recordMinutes(id, version, minutes.text());
    }

    @PutMapping("/sessions/{id}/evaluation")
    SessionDetail evaluate(@PathVariable long id, @RequestParam long version, @Valid @RequestBody Text evaluation) {
        return records.evaluate(id, version, evaluation.text());
    }

    @PostMapping("/sessions/{id}/leave")
    @ResponseStatus(HttpStatus.CREATED)
    LeaveRow requestLeave(@PathVariable long id, @Valid @RequestBody Text reason) {
        return participation.requestLeave(id, reason.text());
    }

    @GetMapping("/orgs/{orgCode}/leaves/pending")
    List<LeaveRow> pendingLeaves(@PathVariable String orgCode) {
        return participation.pendingLeaves(orgCode);
    }

    @PostMapping("/leaves/{id}/decision")
    LeaveRow decideLeave(@PathVariable long id, @RequestParam long version, @Valid @RequestBody Decision decision) {
        return participation.decideLeave(id, version, decision.approve(), decision.comment());
    }

    @PostMapping("/sessions/{id}/makeup")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void completeMakeUp(@PathVariable long id, @Valid @RequestBody Text note) {
        participation.completeMyMakeUp(id, note.text());
    }

    @PostMapping("/sessions/{id}/checkin")
    CheckedIn checkIn(@PathVariable long id, @RequestParam String t) {
        return new CheckedIn(participation.checkInWithToken(id, t));
    }

    @PostMapping("/checkin")
    CheckedIn checkInWithCode(@RequestParam String code) {
        return new CheckedIn(participation.checkInWithCode(code));
    }

    /** The session one has checked in to. */
    record CheckedIn(String session) {}
}
