package cn.studyledger.archive.web;

import cn.studyledger.archive.domain.ArchiveDossier;
import cn.studyledger.archive.domain.ArchiveImporter;
import cn.studyledger.archive.domain.ArchiveService;
import cn.studyledger.archive.domain.LedgerService;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.Flash;
import cn.studyledger.common.web.WorkContext;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the ledgers, the year's archive, its import and the 年初报送 pack, for the working organisation. */
@Controller
class ArchiveController {

    private final LedgerService ledgers;
    private final ArchiveService archives;
    private final ArchiveImporter importer;
    private final WorkContext context;
    private final ArchiveDossier dossier;

    ArchiveController(
            LedgerService ledgers,
            ArchiveService archives,
            ArchiveImporter importer,
            WorkContext context,
            ArchiveDossier dossier) {
        this.dossier = dossier;
        this.ledgers = ledgers;
        this.archives = archives;
        this.importer = importer;
        this.context = context;
    }

    @GetMapping("/ledgers")
    String ledgers(Model model) {
        model.addAttribute("ledgers", ledgers.ledgers(context.orgCode(), context.year()));
        return "archive/ledgers";
    }

    @GetMapping("/ledgers/{key}.xlsx")
    ResponseEntity<StreamingResponseBody> ledger(@PathVariable String key) {
        return Streams.attachment(ledgers.ledger(context.orgCode(), context.year(), key));
    }

    @GetMapping("/archive")
    @PreAuthorize("hasAnyAuthority('" + Permissions.ARCHIVE_EXPORT + "', '" + Permissions.ARCHIVE_IMPORT + "')")
    String archive() {
        return "archive/archive";
    }

    @GetMapping("/archive/{year}.zip")
    ResponseEntity<StreamingResponseBody> archive(@PathVariable int year) {
        return Streams.attachment(archives.archive(context.orgCode(), year));
    }

    @GetMapping("/archive/catalogue/{year}.docx")
    ResponseEntity<StreamingResponseBody> catalogue(@PathVariable int year) {
        return Streams.attachment(dossier.catalogue(context.orgCode(), year));
    }

    @GetMapping("/archive/pack/{year}.zip")
    ResponseEntity<StreamingResponseBody> pack(@PathVariable int year) {
        return Streams.attachment(archives.pack(context.orgCode(), year));
    }

    @PostMapping("/archive/import")
    @PreAuthorize("hasAuthority('" + Permissions.ARCHIVE_IMPORT + "')")
    String importArchive(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
        ArchiveImporter.ImportResult result = importer.importArchive(file);
        return Flash.done(
                redirect,
                "archive.flash.importArchive",
                "/archive",
                result.orgCode(),
                result.year(),
                result.tables(),
                result.rows(),
                result.files());
    }
}
