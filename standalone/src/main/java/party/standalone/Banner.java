package party.standalone;

import java.util.Map;
import party.standalone.auth.DemoAccounts;
import party.standalone.auth.Principal;
import party.standalone.demo.DemoData;

/** What the launcher prints once the stack is ready: addresses, demo accounts, how to get a token. */
final class Banner {

    private Banner() {
    }

    static String of(RunningStack stack, long jvmUptimeMillis) {
        StandaloneOptions o = stack.options();
        StringBuilder out = new StringBuilder();
        out.append("\n================ Party-building platform: standalone stack ready ================\n");
        out.append(String.format("Started in %.1f s (JVM up %.1f s); data in %s%n",
                stack.startupTime().toMillis() / 1000.0, jvmUptimeMillis / 1000.0, o.dataDir().toAbsolutePath().normalize()));
        out.append("\nURLs\n");
        row(out, "Gateway (API)", stack.gatewayUrl() + "/api/v1/...");
        row(out, "Swagger UI", stack.swaggerUiUrl() + "   (Authorize: client party-portal, PKCE)");
        row(out, "Authorization server", stack.authServerUrl() + "   (metadata: /.well-known/openid-configuration)");
        for (Map.Entry<String, Integer> service : stack.servicePorts().entrySet()) {
            row(out, service.getKey(), stack.serviceUrl(service.getKey()));
        }
        row(out, "Kafka (KRaft)", stack.kafkaBootstrapServers());
        row(out, "MongoDB (wire)", "mongodb://" + o.host() + ":" + o.mongoPort() + "/<organization|member|assessment|training>");

        out.append("\nDemo users (form login, password for all: ").append(DemoAccounts.PASSWORD).append(")\n");
        for (Principal user : DemoAccounts.USERS) {
            row(out, user.name(), "roles " + user.roles() + ", manages " + scopes(stack, user)
                    + (user.permissions().isEmpty() ? "" : ", permissions " + user.permissions()));
        }
        out.append("\nClients\n");
        row(out, DemoAccounts.PORTAL_CLIENT, "public, authorization code + PKCE, redirect " + DemoAccounts.CLI_REDIRECT_URI
                + " and the Swagger UI");
        row(out, DemoAccounts.INTEGRATION_CLIENT, "confidential, client credentials, secret " + DemoAccounts.INTEGRATION_SECRET
                + ", role ADMIN, manages the committee");

        DemoData.Summary demo = stack.demoSummary();
        if (demo != null) {
            out.append("\nDemo data\n");
            row(out, "Organizations", demo.organizations() + " (committee XXMK " + stack.demo().id(DemoDirectory.COMMITTEE).orElse("?") + ")");
            row(out, "Members", "full " + demo.fullMembers() + ", probationary " + demo.probationaryMembers()
                    + (demo.countsVisible() ? "" : "  (counts not visible yet)"));
            row(out, "member1", "is " + DemoData.MEMBER_1_NAME + ", a full member of 综采一队党支部 (member id "
                    + stack.demo().id(DemoDirectory.MEMBER_1).orElse("?") + ")");
            row(out, "Training", demo.training());
            row(out, "Assessment", demo.assessment());
        }

        out.append("\nGet a token\n");
        out.append("  integration client:\n");
        out.append("    curl -s -u ").append(DemoAccounts.INTEGRATION_CLIENT).append(':').append(DemoAccounts.INTEGRATION_SECRET)
                .append(" -d grant_type=client_credentials ").append(stack.authServerUrl()).append("/oauth2/token\n");
        out.append("  demo user (authorization code + PKCE through the login form):\n");
        out.append("    TOKEN=$(standalone/token.sh secretary1 ").append(DemoAccounts.PASSWORD);
        if (o.authPort() != 9000) {
            out.append(" ").append(stack.authServerUrl());
        }
        out.append(")\n");
        out.append("    curl -s -H \"Authorization: Bearer $TOKEN\" ").append(stack.gatewayUrl()).append("/api/v1/organizations\n");
        out.append("\nCtrl-C stops everything.\n");
        out.append("=================================================================================\n");
        return out.toString();
    }

    private static String scopes(RunningStack stack, Principal user) {
        if (user.scopeKeys().isEmpty()) {
            return "nothing";
        }
        return user.scopeKeys().stream()
                .map(key -> key + stack.demo().id(key).map(id -> " (" + id + ")").orElse(""))
                .toList().toString();
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append(String.format("  %-22s %s%n", name, value));
    }
}
