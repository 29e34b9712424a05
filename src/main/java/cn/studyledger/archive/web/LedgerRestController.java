package cn.studyledger.archive.web;

import cn.studyledger.archive.domain.ArchiveDossier;
import cn.studyledger.archive.domain.ArchiveService;
import cn.studyledger.archive.domain.LedgerService;
import cn.studyledger.archive.domain.LedgerService.LedgerInfo;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The ledgers, the year's archive and the 年初报送 pack over the API. */
@RestController
@RequestMapping("/api/v1/orgs/{org}/years/{year}")
class LedgerRestController {

    private final LedgerService ledgers;
    private final ArchiveService archives;
    private final ArchiveDossier dossier;

    LedgerRestController(LedgerService ledgers, ArchiveService archives, ArchiveDossier dossier) {
        this.ledgers = ledgers;
        this.archives = archives;
        this.dossier = dossier;
    }

    @GetMapping("/ledgers")
    List<LedgerInfo> ledgers(@PathVariable String org, @PathVariable int year) {
        return ledgers.ledgers(org, year);
    }

    @GetMapping("/ledgers/{key}.xlsx")
    ResponseEntity<StreamingResponseBody> ledger(
            @PathVariable String org, @PathVariable int year, @PathVariable String key) {
        return Streams.attachment(ledgers.ledger(org, year, key));
    }

    @GetMapping("/archive.zip")
    ResponseEntity<StreamingResponseBody> archive(@PathVariable String org, @PathVariable int year) {
        return Streams.attachment(archives.archive(org, year));
    }

    @GetMapping("/archive/catalogue.docx")
    ResponseEntity<StreamingResponseBody> catalogue(@PathVariable String org, @PathVariable int year) {
        return Streams.attachment(dossier.catalogue(org, year));
    }

    @GetMapping("/submission-pack.zip")
    ResponseEntity<StreamingResponseBody> pack(@PathVariable String org, @PathVariable int year) {
        return Streams.attachment(archives.pack(org, year));
    }
}
