package party.standalone;

/** The standalone stack could not start; the message names the part that failed and why. */
public final class StandaloneException extends RuntimeException {

    public StandaloneException(String message, Throwable cause) {
        super(message, cause);
    }
}
