#!/usr/bin/env bash
#
# Starts the local schema registry: Apicurio Registry 2.4.2, assembled by deploy/local/registry/pom.xml, on
# 127.0.0.1:$REGISTRY_PORT (default 8081). Clients use its Confluent-compatible API at $SCHEMA_REGISTRY_URL. Its
# schemas are kept in an H2 database file under $LOYALTY_RUN_DIR/registry/data, next to Kafka's data, so that a
# restart keeps every schema id that records on the topics name. Logs: $LOYALTY_RUN_DIR/registry/.
# Idempotent: when our registry already runs, it says so and exits 0.
set -euo pipefail

# shellcheck source=SCRIPTDIR/../lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

name=registry
run_dir="$(component_dir "$name")"
log_file="$run_dir/registry.log"
data_dir="$run_dir/data"

if is_running "$name"; then
	info "Schema registry is already running (PID $RECORDED_PID) at $SCHEMA_REGISTRY_URL."
	exit 0
fi
require_free_ports "$name" "$REGISTRY_PORT"
command -v curl >/dev/null || die "curl is needed to check that the registry answers; install it (apt-get install curl)."
# The registry is assembled by Quarkus on the JDK that runs Maven, and its generated classes need that JDK or a newer
# one at run time (built on 21, it fails on 17 with NoClassDefFoundError: java/util/SequencedCollection); the newest
# installed JDK is always new enough.
select_java

if [[ ! -f "$REGISTRY_JAR" ]]; then
	maven_build deploy/local/registry
fi

rotate_logs "$log_file"
read -r -a java_opts <<<"${REGISTRY_JAVA_OPTS:--Xms64m -Xmx512m}"
mapfile -t quiet_opts < <(quiet_jvm_opts)

# Apicurio's SQL storage on an H2 file instead of its default in-memory H2 (its application.properties reads
# REGISTRY_DATASOURCE_URL, default jdbc:h2:mem:registry_db): Kafka keeps its records across restarts, and each record
# names its writer schema by the id the registry gave it, so the registry must keep those ids too, or old records
# decode with another schema. It creates its tables on the first start (registry.sql.init). WRITE_DELAY=0 writes each
# commit to disk at once (H2 waits up to 0.5 s otherwise), so a registration that was answered survives even a
# SIGKILL; the registry writes rarely.
mkdir -p "$data_dir"
registry_datasource_url="jdbc:h2:file:$data_dir/registry;WRITE_DELAY=0"

info "Starting Apicurio Registry with $JAVA (schemas in $data_dir) ..."
REGISTRY_DATASOURCE_URL="$registry_datasource_url" start_background "$name" "$run_dir" "$log_file" \
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

info "Schema registry is up (PID $RECORDED_PID): Confluent API $SCHEMA_REGISTRY_URL (global compatibility $compatibility), UI $REGISTRY_URL/ui; schemas in $data_dir, log $log_file."
