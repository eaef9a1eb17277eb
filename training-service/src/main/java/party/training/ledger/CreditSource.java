package party.training.ledger;

/** Where a credit comes from. */
public enum CreditSource {
    SESSION, VIDEO, LECTURE, DISPATCH, EXAM, ADJUSTMENT
}
