package cn.studyledger.dashboard.web;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.web.Downloads;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.dashboard.domain.PersonalRecordService;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The 学习档案 pages (phone-friendly) and their Word / Excel downloads. */
@Controller
class PersonalRecordController {

    private final PersonalRecordService records;
    private final WorkContext context;

    PersonalRecordController(PersonalRecordService records, WorkContext context) {
        this.records = records;
        this.context = context;
    }

    /** The list of members one may open; a member without other rights goes straight to their own. */
    @GetMapping("/records")
    String list(Model model) {
        var members = records.visibleMembers(context.requireOrgCode(), context.year());
        Long me = CurrentUser.require().personId();
        if (members.size() == 1 && me != null && members.get(0).personId() == me) {
            return "redirect:/records/" + me;
        }
        model.addAttribute("members", members);
        return "dashboard/records";
    }

    @GetMapping("/records/{personId}")
    String record(@PathVariable long personId, Model model) {
        requireOrg();
        model.addAttribute("record", records.record(context.orgCode(), context.year(), personId));
        return "dashboard/record";
    }

    @GetMapping("/records/{personId}.docx")
    ResponseEntity<byte[]> docx(@PathVariable long personId) {
        requireOrg();
        return Downloads.document(
                records.docx(context.orgCode(), context.year(), personId),
                Downloads.DOCX,
                context.year() + "年度学习档案-" + personId + ".docx");
    }

    @GetMapping("/records/{personId}.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long personId) {
        requireOrg();
        return Downloads.document(
                records.xlsx(context.orgCode(), context.year(), personId),
                Downloads.XLSX,
                context.year() + "年度学习档案-" + personId + ".xlsx");
    }

    private void requireOrg() {
        if (!context.hasOrg()) {
            throw new BusinessRuleException("当前账号没有可查看学习记录的单位");
        }
    }
}
