package cn.studyledger.org.web;

import cn.studyledger.common.security.Permissions;
import cn.studyledger.org.domain.IssuerCommand;
import cn.studyledger.org.domain.OrgService;
import cn.studyledger.org.domain.OrgService.IssuerNames;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET|PUT /api/v1/orgs/{orgCode}/issuer}: the names the organisation's documents are issued under. */
@RestController
@PreAuthorize("hasAuthority('" + Permissions.REPORT_EDIT + "')")
class IssuerRestController {

    private final OrgService orgs;

    IssuerRestController(OrgService orgs) {
        this.orgs = orgs;
    }

    @GetMapping("/api/v1/orgs/{orgCode}/issuer")
    IssuerNames get(@PathVariable String orgCode) {
        return orgs.issuerNames(orgCode);
    }

    @PutMapping("/api/v1/orgs/{orgCode}/issuer")
    IssuerNames put(
            @PathVariable String orgCode, @RequestParam long version, @Valid @RequestBody IssuerCommand command) {
        return orgs.nameIssuer(orgCode, version, command);
    }
}
