package cn.studyledger.common;

/**
 * Input that no form or API call may send (a control character in a text, a year or page number out of range):
 * answered 400 with the message, before anything is read or written.
 */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }
}
