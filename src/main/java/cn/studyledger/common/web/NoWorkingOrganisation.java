package cn.studyledger.common.web;

/**
 * A page needs the organisation the user works on and the user has none (an account without a role in any
 * organisation). Pages answer it with the page that says so and whom to ask, in one place.
 */
public class NoWorkingOrganisation extends RuntimeException {

    public NoWorkingOrganisation() {
        super("您的账号没有可查看学习记录的单位");
    }
}
