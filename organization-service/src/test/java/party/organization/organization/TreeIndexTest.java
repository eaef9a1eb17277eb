package party.organization.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TreeIndexTest {

    private final TreeIndex index = new TreeIndex(null);

    private static TreeIndex.Node node(String id, String parent, List<String> ancestors, String code, long version) {
        return new TreeIndex.Node(id, parent, ancestors, code, Organization.Status.ACTIVE, version);
    }

    private void tree() {
        index.apply(node("c", null, List.of(), "C", 0));
        index.apply(node("g", "c", List.of("c"), "C-2", 0));
        index.apply(node("b1", "g", List.of("c", "g"), "C-2-1", 0));
        index.apply(node("b2", "c", List.of("c"), "C-1", 0));
        index.apply(node("p", "b1", List.of("c", "g", "b1"), "C-2-1-1", 0));
    }

    @Test
    void childrenByCodeAndTheSubtreeLevelByLevel() {
        tree();
        assertThat(index.children("c")).containsExactly("b2", "g");
        assertThat(index.subtree("c")).containsExactly("c", "b2", "g", "b1", "p");
        assertThat(index.subtree("g")).containsExactly("g", "b1", "p");
        assertThat(index.subtree("nope")).isEmpty();
    }

    @Test
    void aMoveTakesTheNodeFromItsOldParentAndOlderVersionsChangeNothing() {
        tree();
        index.apply(node("b1", "c", List.of("c"), "C-2-1", 1));
        assertThat(index.children("g")).isEmpty();
        assertThat(index.children("c")).containsExactly("b2", "g", "b1"); // codes C-1, C-2, C-2-1

        // The creation arriving late (an overtaken event) does not put it back.
        index.apply(node("b1", "g", List.of("c", "g"), "C-2-1", 0));
        assertThat(index.children("g")).isEmpty();
        assertThat(index.subtree("c")).containsExactly("c", "b2", "g", "b1", "p");
    }

    @Test
    void organizationsStillImportingAreNotShown() {
        tree();
        index.apply(new TreeIndex.Node("i", "c", List.of("c"), "C-0", Organization.Status.IMPORTING, 0));
        assertThat(index.children("c")).containsExactly("b2", "g");
        index.apply(new TreeIndex.Node("i", "c", List.of("c"), "C-0", Organization.Status.ACTIVE, 1));
        assertThat(index.children("c")).containsExactly("i", "b2", "g");
    }
}
