package party.training.video;

/** Data of {@value #TYPE}: a recorded video was uploaded and can be watched. */
record VideoPublished(String videoId, String orgId, String title, String contentType, long size, long durationSeconds,
                      String creditHours, long version) {

    static final String TYPE = "party.training.video-published.v1";
}
