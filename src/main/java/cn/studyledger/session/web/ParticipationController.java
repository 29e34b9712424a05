package cn.studyledger.session.web;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.Flash;
import cn.studyledger.common.web.HtmxFragment;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.session.LeaveStatus;
import cn.studyledger.session.domain.ParticipationService;
import cn.studyledger.session.domain.ParticipationService.CheckInCode;
import cn.studyledger.session.domain.ParticipationService.CheckInScreen;
import cn.studyledger.session.domain.SessionViews.LeaveRow;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Member-facing pages (phone-friendly): leave, make-up, my tasks, check-in; leave approvals of the 组长 (and of a
 * 副组长, for the 组长's own leave).
 */
@Controller
class ParticipationController {

    private final ParticipationService participation;
    private final WorkContext context;
    private final Clock clock;

    ParticipationController(ParticipationService participation, WorkContext context, Clock clock) {
        this.clock = clock;
        this.participation = participation;
        this.context = context;
    }

    @PostMapping("/sessions/{id}/leave")
    @PreAuthorize("hasAuthority('" + Permissions.LEAVE_REQUEST + "')")
    String requestLeave(@PathVariable long id, @RequestParam String reason, RedirectAttributes redirect) {
        LeaveRow leave = participation.requestLeave(id, reason);
        String key = leave.status() == LeaveStatus.NOTED ? "session.flash.leaveNoted" : "session.flash.leaveRequested";
        return Flash.done(redirect, key, "/sessions/" + id);
    }

    @GetMapping("/leaves")
    @PreAuthorize("hasAnyAuthority('" + Permissions.LEAVE_APPROVE + "', '" + Permissions.LEAVE_REQUEST + "')")
    String pending(Model model) {
        model.addAttribute("pending", participation.pendingLeaves(context.requireOrgCode()));
        return "session/leaves";
    }

    @PostMapping("/leaves/{id}/decision")
    @PreAuthorize("hasAnyAuthority('" + Permissions.LEAVE_APPROVE + "', '" + Permissions.LEAVE_REQUEST + "')")
    String decide(
            @PathVariable long id,
            @RequestParam long version,
            @RequestParam boolean approve,
            @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        participation.decideLeave(id, version, approve, comment);
        return Flash.done(redirect, approve ? "session.flash.leaveApproved" : "session.flash.leaveRefused", "/leaves");
    }

    @GetMapping("/my")
    @PreAuthorize("hasAuthority('" + Permissions.LEAVE_REQUEST + "')")
    String mine(Model model) {
        model.addAttribute("makeUps", participation.myMakeUps(context.requireOrgCode(), context.year()));
        model.addAttribute("leaves", participation.myLeaves());
        model.addAttribute("decidesLeaves", participation.decidesLeaves(context.orgCode()));
        model.addAttribute("today", LocalDate.now(clock));
        return "session/my";
    }

    @PostMapping("/my/makeups/{sessionId}")
    @PreAuthorize("hasAuthority('" + Permissions.LEAVE_REQUEST + "')")
    String completeMakeUp(@PathVariable long sessionId, @RequestParam String note, RedirectAttributes redirect) {
        participation.completeMyMakeUp(sessionId, note);
        return Flash.done(redirect, "session.flash.completeMakeUp", "/my");
    }

    /**
     * The clerk's check-in screen: the rotating QR code and 6-character code, refreshed by htmx, and the display link
     * that shows them on the meeting-room computer without the clerk signed in there.
     */
    @HtmxFragment("code")
    @GetMapping("/sessions/{id}/checkin-screen")
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    String screen(@PathVariable long id, Model model) {
        CheckInScreen screen = participation.screen(id);
        model.addAttribute("screen", screen);
        model.addAttribute(
                "displayUrl",
                ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/display/checkin/{token}")
                        .buildAndExpand(screen.displayToken())
                        .toUriString());
        return "session/checkin-screen";
    }

    @GetMapping(value = "/sessions/{id}/checkin-qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    ResponseEntity<byte[]> qr(@PathVariable long id) {
        return qrOf(participation.screen(id).codes());
    }

    /**
     * The meeting-room screen opened from its display link, nobody signed in (the token is the permission): the
     * session's title and date and the rotating codes, no menu, refreshed by htmx; 404 once the session is held.
     */
    @HtmxFragment("code")
    @GetMapping("/display/checkin/{token}")
    String display(@PathVariable String token, Model model) {
        model.addAttribute("codes", participation.display(token));
        model.addAttribute("token", token);
        return "session/checkin-display";
    }

    @GetMapping(value = "/display/checkin/{token}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> displayQr(@PathVariable String token) {
        return qrOf(participation.display(token));
    }

    /** The QR code a phone scans: the check-in page of the session with this period's token. */
    private static ResponseEntity<byte[]> qrOf(CheckInCode codes) {
        String url = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/checkin/{id}")
                .queryParam("t", codes.token())
                .buildAndExpand(codes.sessionId())
                .toUriString();
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.IMAGE_PNG)
                .body(QrCodes.png(url, 360));
    }

    /** Opened from the scanned QR code on the participant's phone (after login if needed). */
    @GetMapping("/checkin/{id}")
    String confirm(@PathVariable long id, @RequestParam String t, Model model) {
        model.addAttribute("sessionId", id);
        model.addAttribute("token", t);
        return "session/checkin";
    }

    @PostMapping("/checkin/{id}")
    String checkIn(@PathVariable long id, @RequestParam String t, Model model) {
        return result(model, () -> participation.checkInWithToken(id, t));
    }

    @GetMapping("/checkin")
    String codeForm() {
        return "session/checkin";
    }

    @PostMapping("/checkin")
    String checkInWithCode(@RequestParam String code, Model model) {
        return result(model, () -> participation.checkInWithCode(code));
    }

    private static String result(Model model, java.util.function.Supplier<String> checkIn) {
        try {
            model.addAttribute("checkedIn", checkIn.get());
        } catch (BusinessRuleException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "session/checkin";
    }
}
