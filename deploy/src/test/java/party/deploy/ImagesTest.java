package party.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The image build cannot run here (no base image can be pulled), so its configuration is checked:
 * a pinned Temurin 25 JRE base, a non-root user, tags of the version and the git commit, and the
 * plugin on every module that becomes an image.
 */
class ImagesTest {

    @Test
    void theImagesProfileConfiguresJibForEveryModule() {
        String root = Manifests.read(Manifests.ROOT.resolve("pom.xml"));
        int start = root.indexOf("<id>images</id>");
        assertThat(start).as("profile images in the root pom").isPositive();
        String profile = root.substring(start, root.indexOf("</profile>", start));
        assertThat(profile).contains("<artifactId>jib-maven-plugin</artifactId>");
        String base = between(profile, "<image>", "</image>");
        assertThat(base).startsWith("eclipse-temurin:25");
        assertThat(base).contains("-jre");
        assertThat(DeploymentInvariantsTest.isPinned(base)).as("base image %s pinned", base).isTrue();
        assertThat(base).matches(".*(@sha256:[0-9a-f]{64}|:25\\.0\\.\\d+_\\d+-jre.*)");
        String user = between(profile, "<user>", "</user>");
        assertThat(user).isNotBlank().isNotIn("root", "0", "0:0");
        assertThat(profile).contains("<tag>${project.version}</tag>").contains("<tag>${git.commit.id.abbrev}</tag>");
        assertThat(profile).contains("git-commit-id-maven-plugin");
        for (String app : Manifests.APPS) {
            String pom = Manifests.read(Manifests.ROOT.resolve(app).resolve("pom.xml"));
            assertThat(pom).as("jib in the images profile of %s", app).contains("<id>images</id>")
                    .contains("<artifactId>jib-maven-plugin</artifactId>");
        }
    }

    private static String between(String text, String open, String close) {
        int from = text.indexOf(open);
        assertThat(from).as(open).isNotNegative();
        return text.substring(from + open.length(), text.indexOf(close, from)).trim();
    }
}
