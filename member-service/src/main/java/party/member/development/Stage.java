package party.member.development;

/** The five stages of member development and the steps (inclusive) each one spans. */
public enum Stage {
    APPLICATION(1, 2), ACTIVIST(3, 6), CANDIDATE(7, 11), ADMISSION(12, 18), PROBATION(19, 25);

    private final int first;
    private final int last;

    Stage(int first, int last) {
        this.first = first;
        this.last = last;
    }

    public int first() {
        return first;
    }

    public int last() {
        return last;
    }

    public static Stage of(int step) {
        for (Stage stage : values()) {
            if (step >= stage.first && step <= stage.last) {
                return stage;
            }
        }
        throw new IllegalArgumentException("no step " + step);
    }
}
