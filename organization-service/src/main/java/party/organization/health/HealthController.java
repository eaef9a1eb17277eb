package party.organization.health;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import party.platform.security.CurrentUser;

/** Structure-health flags over a subtree. */
@RestController
class HealthController {

    private final StructureHealth health;

    HealthController(StructureHealth health) {
        this.health = health;
    }

    @GetMapping("/api/v1/organizations/{id}/structure-health")
    StructureHealth.Report report(@PathVariable String id) {
        return health.of(CurrentUser.get(), id);
    }
}
