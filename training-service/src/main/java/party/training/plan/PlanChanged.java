package party.training.plan;

/** In-process notice that a plan was saved, so cached targets are dropped at once on this instance. */
public record PlanChanged(String planId) {
}
