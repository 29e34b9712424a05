package cn.studyledger.common;

/** A request that is well-formed but breaks a rule of the domain; the message is shown to the user. */
public class BusinessRuleException extends RuntimeException {

    public BusinessRuleException(String message) {
        super(message);
    }
}
