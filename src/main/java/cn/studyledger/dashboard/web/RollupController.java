package cn.studyledger.dashboard.web;

import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.dashboard.domain.RollupService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The superior's roll-up of the working organisation and its subordinate units, its evidence and its export. */
@Controller
@PreAuthorize("hasAuthority('" + Permissions.ROLLUP_VIEW + "')")
class RollupController {

    private final RollupService rollups;
    private final WorkContext context;

    RollupController(RollupService rollups, WorkContext context) {
        this.rollups = rollups;
        this.context = context;
    }

    @GetMapping("/rollup")
    String rollup(
            @RequestParam(required = false) List<String> keys,
            @RequestParam(name = "of", required = false) String orgCode,
            Model model) {
        List<String> shown = keys == null || keys.isEmpty() ? rollups.defaultKeys() : keys;
        model.addAttribute(
                "rollup", rollups.rollup(orgCode == null ? context.requireOrgCode() : orgCode, context.year(), shown));
        model.addAttribute("choices", rollups.choices());
        model.addAttribute("keys", shown);
        model.addAttribute(
                "query",
                "keys=" + String.join("&keys=", shown)
                        + (orgCode == null ? "" : "&of=" + URLEncoder.encode(orgCode, StandardCharsets.UTF_8)));
        return "dashboard/rollup";
    }

    @GetMapping("/rollup/evidence")
    String evidence(@RequestParam("org") String unitCode, @RequestParam String key, Model model) {
        context.requireOrgCode();
        model.addAttribute("figure", rollups.evidence(unitCode, context.year(), key));
        model.addAttribute("unitCode", unitCode);
        return "dashboard/rollup-evidence";
    }

    @GetMapping("/rollup.xlsx")
    ResponseEntity<byte[]> xlsx(
            @RequestParam(required = false) List<String> keys,
            @RequestParam(name = "of", required = false) String orgCode) {
        if (!context.hasOrg()) {
            return ResponseEntity.notFound().build();
        }
        byte[] body = rollups.xlsx(orgCode == null ? context.orgCode() : orgCode, context.year(), keys);
        return ResponseEntity.ok()
                .contentType(
                        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(
                                        context.orgName() + context.year() + "年度下属单位学习情况汇总.xlsx",
                                        StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body);
    }
}
