#!/usr/bin/env bash
#
# Starts the local schema registry: Apicurio Registry 2.4.2 (in-memory H2 storage), assembled by
# deploy/local/registry/pom.xml, on 127.0.0.1:$REGISTRY_PORT (default 8081). Clients use its Confluent-compatible
# API at $SCHEMA_REGISTRY_URL. Logs: $LOYALTY_RUN_DIR/registry/. Schemas live in memory: a restart forgets them.
# Idempotent: when our registry already runs, it says so and exits 0.
set -euo pipefail

# shellcheck source=SCRIPTDIR/../lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

name=registry
run_dir="$(component_dir "$name")"
log_file="$run_dir/registry.log"

if is_running "$name"; then
	info "Schema registry is already running (PID $RECORDED_PID) at $SCHEMA_REGISTRY_URL."
	exit 0
fi
require_free_ports "$name" "$REGISTRY_PORT"
command -v curl >/dev/null || die "curl is needed to check that the registry answers; install it (apt-get install curl)."
# The registry is built by Quarkus on the build JDK (>= 21), and its generated classes need that JDK at run time:
# on Java 17 it fails with NoClassDefFoundError: java/util/SequencedCollection.
select_java

if [[ ! -f "$REGISTRY_JAR" ]]; then
	maven_build deploy/local/registry
fi

rotate_logs "$log_file"
read -r -a java_opts <<<"${REGISTRY_JAVA_OPTS:--Xms64m -Xmx512m}"
mapfile -t quiet_opts < <(quiet_jvm_opts)

info "Starting Apicurio Registry with $JAVA ..."
start_background "$name" "$run_dir" "$log_file" \
	"$JAVA" "${java_opts[@]}" ${quiet_opts[@]+"${quiet_opts[@]}"} \
	"$(process_marker "$name")" \
	-Dquarkus.http.host="$LOYALTY_HOST" \
	-Dquarkus.http.port="$REGISTRY_PORT" \
	-jar "$REGISTRY_JAR"

# Ready means the Confluent API itself answers, not only the HTTP port (which opens before the last routes are up).
wait_until "$name" 60 "HTTP 200 from $SCHEMA_REGISTRY_URL/subjects" "$log_file" http_ok "$SCHEMA_REGISTRY_URL/subjects"

# Confluent's registry starts with global compatibility BACKWARD, the project's rule; Apicurio starts with no global
# rule, so any change to a new subject would be accepted. Set it through the API (not as a configured default, which
# GET /config would not report and PUT /config could not change), so the registry behaves as Confluent's does.
# REGISTRY_COMPATIBILITY=NONE leaves Apicurio's default.
compatibility="${REGISTRY_COMPATIBILITY:-BACKWARD}"
if [[ "$compatibility" != NONE ]]; then
	curl -fsS -o /dev/null --max-time 5 -X PUT -H 'Content-Type: application/vnd.schemaregistry.v1+json' \
		-d "{\"compatibility\":\"$compatibility\"}" "$SCHEMA_REGISTRY_URL/config" ||
		die "could not set the global compatibility level $compatibility on $SCHEMA_REGISTRY_URL/config"
fi

info "Schema registry is up (PID $RECORDED_PID): Confluent API $SCHEMA_REGISTRY_URL (global compatibility $compatibility), UI $REGISTRY_URL/ui; log $log_file."
