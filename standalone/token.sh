#!/usr/bin/env bash
# Prints an access token of a demo user of the standalone stack, obtained like a browser would:
# authorization-code flow with PKCE for the public client party-portal, through the login form.
#
#   standalone/token.sh <user> [password] [issuer]      (password: demo; issuer: http://localhost:9000)
#   TOKEN=$(standalone/token.sh secretary1)
#   curl -H "Authorization: Bearer $TOKEN" http://localhost:8080/api/v1/organizations
#
# Needs curl, and openssl or sha256sum for the PKCE challenge.
set -euo pipefail

user="${1:?usage: token.sh <user> [password] [issuer]}"
password="${2:-demo}"
issuer="${3:-${PARTY_ISSUER:-http://localhost:9000}}"
client=party-portal
redirect=http://127.0.0.1:8765/callback

jar="$(mktemp)"
trap 'rm -f "$jar"' EXIT

b64url() { base64 | tr '+/' '-_' | tr -d '=\n'; }
sha256() {
  if command -v openssl >/dev/null 2>&1; then
    openssl dgst -sha256 -binary
  else
    # hex digest -> bytes
    local hex; hex="$(sha256sum | cut -d' ' -f1)"
    printf '%b' "$(printf '%s' "$hex" | sed 's/../\\x&/g')"
  fi
}
urlencode() {
  local s="$1" out="" c i
  for ((i = 0; i < ${#s}; i++)); do
    c="${s:i:1}"
    case "$c" in [a-zA-Z0-9.~_-]) out+="$c" ;; *) out+="$(printf '%%%02X' "'$c")" ;; esac
  done
  printf '%s' "$out"
}
fail() { echo "token.sh: $*" >&2; exit 1; }

verifier="$(head -c 32 /dev/urandom | b64url)"
challenge="$(printf '%s' "$verifier" | sha256 | b64url)"
state="$(head -c 12 /dev/urandom | b64url)"
curl_() { curl -sS -b "$jar" -c "$jar" -H 'Accept: text/html' "$@"; }

# 1. Authorization request: not logged in yet, so the server keeps it in the session and sends us to the login form.
authorize="$issuer/oauth2/authorize?response_type=code&client_id=$client&scope=openid&state=$state&redirect_uri=$(urlencode "$redirect")&code_challenge=$challenge&code_challenge_method=S256"
login_url="$(curl_ -o /dev/null -w '%{redirect_url}' "$authorize")" || fail "authorization server unreachable at $issuer"
[ -n "$login_url" ] || fail "no redirect to the login form from $issuer/oauth2/authorize"

# 2. Login form: read its CSRF token, post the credentials.
csrf="$(curl_ "$login_url" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -n1)"
[ -n "$csrf" ] || fail "no login form at $login_url"
after_login="$(curl_ -o /dev/null -w '%{redirect_url}' \
  --data-urlencode "username=$user" --data-urlencode "password=$password" --data-urlencode "_csrf=$csrf" \
  "$issuer/login")"
case "$after_login" in
  *error*|"") fail "login failed for '$user' (bad user name or password?)" ;;
esac

# 3. Back to the authorization request: now it redirects to the redirect URI with the code.
callback="$(curl_ -o /dev/null -w '%{redirect_url}' "$after_login")"
code="$(printf '%s' "$callback" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')"
returned_state="$(printf '%s' "$callback" | sed -n 's/.*[?&]state=\([^&]*\).*/\1/p')"
[ -n "$code" ] || fail "no authorization code (redirect: ${callback:-none})"
[ "$returned_state" = "$state" ] || fail "state mismatch"

# 4. Exchange the code (with the PKCE verifier) for the tokens.
response="$(curl -sS -H 'Accept: application/json' \
  -d grant_type=authorization_code -d "code=$code" --data-urlencode "redirect_uri=$redirect" \
  -d "client_id=$client" -d "code_verifier=$verifier" "$issuer/oauth2/token")"
token="$(printf '%s' "$response" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')"
[ -n "$token" ] || fail "token request failed: $response"
printf '%s\n' "$token"
