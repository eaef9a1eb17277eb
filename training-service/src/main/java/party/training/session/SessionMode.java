package party.training.session;

/** ONSITE in a room; LIVE through the configured video-conference system; RECORDED a video watched on demand. */
public enum SessionMode {
    ONSITE, LIVE, RECORDED
}
