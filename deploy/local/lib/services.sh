# shellcheck shell=bash
# The settings below are read by the scripts that source this file, not here:
# shellcheck disable=SC2034
#
# The Spring Boot services of the local stack. Sourced by deploy/local/start.sh and stop.sh after common.sh.

# >>> SERVICES: each later issue that adds a service adds its line here, in start order (stop.sh stops them in
# reverse order, before the registry and Kafka). One entry: "NAME PORT JAR [EXTRA_ARGUMENT...]", JAR relative to the
# repository root, a glob (the newest match is used). start.sh starts each service whose jar is built and skips,
# with a note, the ones that are not. For example:
#   "purchase-service $PURCHASE_SERVICE_PORT purchase-service/target/purchase-service-*.jar"
#   "points-service $POINTS_SERVICE_PORT points-service/target/points-service-*.jar"
#   "survey-service $SURVEY_SERVICE_PORT survey-service/target/survey-service-*.jar"
#   "churn-alert-service $CHURN_ALERT_SERVICE_PORT churn-alert-service/target/churn-alert-service-*.jar"
# purchase-service accepts API keys only as their SHA-256 (loyalty.security.api-keys): the local key's hash, with
# both write scopes.
LOYALTY_API_KEY_SHA256="$(printf '%s' "$LOYALTY_API_KEY" | sha256sum | cut -d' ' -f1)"
LOYALTY_SERVICES=(
	"purchase-service $PURCHASE_SERVICE_PORT purchase-service/target/purchase-service-*.jar --loyalty.security.api-keys[0].name=local-dev --loyalty.security.api-keys[0].sha256=$LOYALTY_API_KEY_SHA256 --loyalty.security.api-keys[0].scopes=purchases:write,invoices:write"
	"points-service $POINTS_SERVICE_PORT points-service/target/points-service-*.jar"
)
# <<< SERVICES

# Prints the newest file matching the glob in $1 (relative to the repository root), or fails when there is none.
newest_match() {
	local file newest=""
	for file in "$LOYALTY_REPO_ROOT"/$1; do
		[[ -f "$file" ]] || continue
		if [[ -z "$newest" || "$file" -nt "$newest" ]]; then
			newest="$file"
		fi
	done
	[[ -n "$newest" ]] || return 1
	printf '%s\n' "$newest"
}

# start_service NAME PORT JAR [EXTRA_ARGUMENT...]: starts one service on 127.0.0.1:PORT against the local Kafka and
# registry, with its state and log under $LOYALTY_RUN_DIR/NAME/, and waits until its readiness probe answers.
# The platform API key reaches it as the environment variable LOYALTY_API_KEY; the issue that adds the first
# service binds it to that service's own property if it is named otherwise.
start_service() {
	local name=$1 port=$2 jar_glob=$3
	shift 3
	local jar run_dir log_file
	if is_running "$name"; then
		info "$name is already running (PID $RECORDED_PID) on http://$LOYALTY_HOST:$port."
		return 0
	fi
	if ! jar="$(newest_match "$jar_glob")"; then
		info "Skipping $name: $jar_glob is not built (./mvnw -pl ${name} -am package -DskipTests builds it)."
		return 0
	fi
	require_free_ports "$name" "$port"
	run_dir="$(component_dir "$name")"
	log_file="$run_dir/$name.log"
	rotate_logs "$log_file" "$run_dir/$name-app.log"
	local -a quiet_opts
	mapfile -t quiet_opts < <(quiet_jvm_opts)
	info "Starting $name ..."
	LOYALTY_API_KEY="$LOYALTY_API_KEY" start_background "$name" "$run_dir" "$log_file" \
		"$JAVA" -Xmx512m ${quiet_opts[@]+"${quiet_opts[@]}"} "$(process_marker "$name")" -jar "$jar" \
		--server.address="$LOYALTY_HOST" \
		--server.port="$port" \
		--spring.kafka.bootstrap-servers="$KAFKA_BOOTSTRAP_SERVERS" \
		--spring.kafka.properties.schema.registry.url="$SCHEMA_REGISTRY_URL" \
		--spring.kafka.streams.state-dir="$run_dir/streams" \
		--logging.file.name="$run_dir/$name-app.log" \
		"$@"
	wait_until "$name" 120 "readiness on http://$LOYALTY_HOST:$port/actuator/health/readiness" "$log_file" \
		http_ok "http://$LOYALTY_HOST:$port/actuator/health/readiness"
	info "$name is up (PID $RECORDED_PID) on http://$LOYALTY_HOST:$port."
}
