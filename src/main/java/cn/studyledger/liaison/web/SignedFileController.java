package cn.studyledger.liaison.web;

import cn.studyledger.liaison.domain.PeerCommand;
import cn.studyledger.liaison.domain.PeerService;
import cn.studyledger.liaison.domain.SignedFileViews;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signed files between installations: this installation's public key and fingerprint ({@code /installation/key}),
 * and the installations an organisation's clerk trusts, each standing for the organisation above or a direct
 * subordinate unit ({@code /orgs/{orgCode}/peers}).
 */
@RestController
@RequestMapping("/api/v1")
class SignedFileController {

    static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final PeerService peers;

    SignedFileController(PeerService peers) {
        this.peers = peers;
    }

    @GetMapping("/installation/key")
    SignedFileViews.Installation installation() {
        return peers.installation();
    }

    @GetMapping("/orgs/{orgCode}/peers")
    SignedFileViews.Peers peers(@PathVariable String orgCode) {
        return peers.peers(orgCode);
    }

    @PostMapping("/orgs/{orgCode}/peers")
    @ResponseStatus(HttpStatus.CREATED)
    SignedFileViews.Peer add(@PathVariable String orgCode, @Valid @RequestBody PeerCommand command) {
        return peers.add(orgCode, command);
    }

    @DeleteMapping("/orgs/{orgCode}/peers/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String orgCode, @PathVariable long id, @RequestParam long version) {
        peers.remove(orgCode, id, version);
    }
}
