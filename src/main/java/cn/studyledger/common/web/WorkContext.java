package cn.studyledger.common.web;

import java.io.Serial;
import java.io.Serializable;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.SessionScope;

/**
 * The organisation and year the user is working on (the top bar's switchers). All study work is per
 * organisation and per year; pages read both from here.
 */
@Component
@SessionScope
public class WorkContext implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private String orgCode;
    private String orgName;
    private int year;

    public String orgCode() {
        return orgCode;
    }

    public String orgName() {
        return orgName;
    }

    public int year() {
        return year;
    }

    /** The organisation worked on, for a page that cannot do without one ({@link NoWorkingOrganisation} if none). */
    public String requireOrgCode() {
        if (orgCode == null) {
            throw new NoWorkingOrganisation();
        }
        return orgCode;
    }

    public boolean hasOrg() {
        return orgCode != null;
    }

    public void switchTo(String orgCode, String orgName, int year) {
        this.orgCode = orgCode;
        this.orgName = orgName;
        this.year = year;
    }

    public boolean isInitialised() {
        return year != 0;
    }
}
