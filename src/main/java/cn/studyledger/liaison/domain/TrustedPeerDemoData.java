package cn.studyledger.liaison.domain;

import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * X局's clerk trusts the installation its last unit (the 机关服务中心) runs on its own: its public key, checked
 * against the fingerprint the unit read out, stands for the unit, so X局 imports the unit's signed filings.
 */
@Component
@Profile("demo")
@Order(96)
class TrustedPeerDemoData implements ApplicationRunner {

    /** The public half of a key pair made once for the demo; its private half was never kept. */
    static final String PUBLIC_KEY = "MCowBQYDK2VwAyEAS8ya55xkD1ca6IdTD6dePEIx97S8TSi3XcKkG7dLdK8=";

    private final TrustedPeerRepository peers;
    private final OrgApi orgs;

    TrustedPeerDemoData(TrustedPeerRepository peers, OrgApi orgs) {
        this.peers = peers;
        this.orgs = orgs;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        OrgRef bureau = orgs.findUnchecked("XJ").orElse(null);
        if (bureau == null || !peers.findByOwnerOrgIdOrderByIdAsc(bureau.id()).isEmpty()) {
            return;
        }
        List<OrgRef> units = orgs.children(bureau.id());
        if (units.isEmpty()) {
            return;
        }
        OrgRef unit = units.get(units.size() - 1);
        byte[] key = java.util.Base64.getDecoder().decode(PUBLIC_KEY);
        peers.save(new TrustedPeer(
                bureau.id(), unit.id(), unit.name() + "独立部署的系统", InstallationKeys.fingerprint(key), PUBLIC_KEY));
    }
}
