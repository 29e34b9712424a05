package cn.studyledger.liaison.domain;

import java.util.List;

/** What the pages and the API show of the signed-file exchange between installations. */
public final class SignedFileViews {

    private SignedFileViews() {}

    /** This installation's public identity: its public key (Base64) and fingerprint (also grouped, to read out). */
    public record Installation(String algorithm, String publicKey, String fingerprint, String fingerprintGrouped) {}

    /** A trusted installation, and the organisation it stands for here (above or below the owner). */
    public record Peer(
            long id,
            long version,
            String name,
            String fingerprint,
            String fingerprintGrouped,
            String publicKey,
            String standsForCode,
            String standsForName,
            String relation) {}

    /** The organisation's trusted installations, what they may stand for, and this installation's own identity. */
    public record Peers(Installation installation, List<Peer> peers, List<Choice> choices) {}

    /** An organisation a peer may stand for: the one directly above or a direct subordinate. */
    public record Choice(String code, String name, String relation) {}

    /** What an import made: the record, who signed the file, and where to see it. */
    public record Imported(String kind, long id, String title, String signer, String fingerprintGrouped, String url) {}
}
