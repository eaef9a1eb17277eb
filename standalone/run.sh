#!/usr/bin/env bash
# Starts the whole Party-building platform in one JVM: MongoDB-wire server, Kafka (KRaft),
# authorization server, four services, gateway, demo data. Ctrl-C stops it.
#
#   ./mvnw -q install -DskipTests && standalone/run.sh [--data-dir DIR] [--no-demo-data]
#
# Needs JDK 25 (JAVA_HOME, or java on the PATH). Data is kept in ./data (or --data-dir, or
# PARTY_DATA_DIR). Extra JVM options: PARTY_JAVA_OPTS. PARTY_CDS=off disables the class-data archive.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/target/standalone-exec.jar"
app="$here/target/app"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

if [ ! -f "$jar" ]; then
  echo "standalone: $jar not found. Build first: ./mvnw -q install -DskipTests" >&2
  exit 1
fi
version="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
if [ -z "$version" ] || [ "${version%%.*}" -lt 25 ]; then
  echo "standalone: needs Java 25 or later, '$java' is ${version:-unknown}. Set JAVA_HOME to a JDK 25." >&2
  exit 1
fi

# Spring Boot's extracted layout: plain jars load faster than jars nested in the executable jar,
# and they can be class-data shared.
if [ ! -f "$app/standalone-exec.jar" ] || [ "$jar" -nt "$app/standalone-exec.jar" ]; then
  rm -rf "$app"
  "$java" -Djarmode=tools -jar "$jar" extract --destination "$app" >/dev/null
fi

# Small and quick on 2 cores and <= 1 GB resident: one heap for all apps, serial GC, C1 only,
# small thread stacks.
opts=(
  -Xms256m -Xmx512m -Xss512k
  -XX:MaxMetaspaceSize=320m -XX:ReservedCodeCacheSize=96m -XX:MaxDirectMemorySize=128m
  -XX:+UseSerialGC -XX:TieredStopAtLevel=1
  -Dfile.encoding=UTF-8
  --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow
)
# Class-data sharing: the first run writes an archive of the loaded classes when it exits (a few
# seconds after the stack has stopped); later runs start about twice as fast. Rebuilt automatically
# when the jars change.
if [ "${PARTY_CDS:-on}" != "off" ]; then
  # An archive written by a run that never got ready holds only part of the classes: start afresh.
  if [ -f "$app/standalone.jsa.pending" ]; then
    rm -f "$app/standalone.jsa" "$app/standalone.jsa.pending"
  fi
  opts+=(-XX:+AutoCreateSharedArchive "-XX:SharedArchiveFile=$app/standalone.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off -Xlog:class+path=off)
fi

# shellcheck disable=SC2086
exec "$java" "${opts[@]}" ${PARTY_JAVA_OPTS:-} -jar "$app/standalone-exec.jar" "$@"
