package party.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import party.platform.security.CurrentUser;
import party.standalone.RunningStack;
import party.standalone.auth.AuthorizationServerApplication;
import party.standalone.auth.DemoAccounts;

/**
 * Access tokens of member accounts for the bench. The standalone authorization server only logs in
 * its demo users, none of which is a registered member, so the bench signs the tokens itself with
 * the stack's own signing key (the {@link RSAKey} bean of the in-process authorization server):
 * the same issuer, audience, key id and claims as a token of that server, plus {@code member_id}.
 * The gateway and the services validate them like any other token. Bench only; nothing in the
 * platform knows of it.
 */
final class MemberTokens {

    private final String issuer;
    private final JWSSigner signer;
    private final JWSHeader header;

    MemberTokens(RunningStack stack) {
        RSAKey key = stack.context(AuthorizationServerApplication.NAME).getBean(RSAKey.class);
        try {
            this.signer = new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("the stack's signing key cannot sign", e);
        }
        this.header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build();
        this.issuer = stack.authServerUrl();
    }

    /** A token of the member account of {@code memberId} (role MEMBER, no org scopes), valid for {@code lifetime}. */
    String member(String memberId, Duration lifetime) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("bench-member-" + memberId)
                .audience(List.of(DemoAccounts.AUDIENCE))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim(CurrentUser.ROLES_CLAIM, List.of("MEMBER"))
                .claim(CurrentUser.ORG_SCOPES_CLAIM, List.of())
                .claim(CurrentUser.PERMISSIONS_CLAIM, List.of())
                .claim(CurrentUser.MEMBER_ID_CLAIM, memberId)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a member token", e);
        }
        return jwt.serialize();
    }
}
