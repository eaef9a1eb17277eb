package party.platform.events;

/** A record that can never be handled (malformed, wrong schema): it goes to the DLT at once, unretried. */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String message) {
        super(message);
    }
}
