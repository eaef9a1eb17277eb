package party.assessment.rectification;

/** open → in progress → done → verified by the superior (who may also send a done item back to in progress). */
public enum RectificationStatus {
    OPEN,
    IN_PROGRESS,
    DONE,
    VERIFIED;

    public boolean closed() {
        return this == DONE || this == VERIFIED;
    }
}
