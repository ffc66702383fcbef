# shellcheck shell=bash
# The settings below are read by the scripts that source this file, not here:
# shellcheck disable=SC2034
#
# The Spring Boot services of the local stack. Sourced by deploy/local/start.sh and stop.sh after common.sh.

# >>> SERVICES: each later issue that adds a service adds its line here, in start order (stop.sh stops them in
# reverse order, before the registry and Kafka). One entry: "NAME PORT JAR [EXTRA_ARGUMENT...]", JAR relative to the
# repository root, a glob (the newest match is used) whose first folder is the service's Maven module: start.sh builds
# the jars that are missing (one Maven run for all of them) and then starts every service. For example:
#   "survey-service $SURVEY_SERVICE_PORT survey-service/target/survey-service-*.jar"
#   "churn-alert-service $CHURN_ALERT_SERVICE_PORT churn-alert-service/target/churn-alert-service-*.jar"
# What every service gets (addresses, the API key, logging) is in start_service below, not here.
LOYALTY_SERVICES=(
	"purchase-service $PURCHASE_SERVICE_PORT purchase-service/target/purchase-service-*.jar"
	"points-service $POINTS_SERVICE_PORT points-service/target/points-service-*.jar"
	"survey-service $SURVEY_SERVICE_PORT survey-service/target/survey-service-*.jar"
	# Customers checked 5 s after their latest event, every 5 s (1 minute each by default), so that the README's
	# examples answer at once; webhooks may go to receivers on 127.0.0.1 (private addresses are refused otherwise).
	"churn-alert-service $CHURN_ALERT_SERVICE_PORT churn-alert-service/target/churn-alert-service-*.jar --loyalty.churn.settle-delay=5s --loyalty.churn.punctuation-interval=5s --loyalty.webhooks.allowed-private-networks=127.0.0.1/32"
)
# <<< SERVICES

# A query each Kafka Streams service answers once its topology has run for the first time: its readiness is UP while
# the topology rebalances (on purpose: a rebalance must not take every instance out of service), and a query answers
# 503 with Retry-After until then. start.sh waits for it, so that the README's first examples answer at once.
declare -A LOYALTY_FIRST_QUERY=(
	[points-service]="/api/v1/customers/local-stack-start/points"
	[survey-service]="/api/v1/nps"
	[churn-alert-service]="/api/v1/alerts?size=1"
)

# The one platform API key of the local stack, $LOYALTY_API_KEY (local-dev-key), with every scope of DESIGN.md ("One
# face for every service"), on every service. Services accept a key only as its SHA-256
# (loyalty.security.api-keys[N].name/.sha256/.scopes), so the key itself is never on a command line.
LOYALTY_API_KEY_SHA256="$(printf '%s' "$LOYALTY_API_KEY" | sha256sum | cut -d' ' -f1)"
LOYALTY_API_KEY_SCOPES="${LOYALTY_API_KEY_SCOPES:-purchases:write,invoices:write,surveys:write,complaints:write,points:read,points:redeem,points:admin,nps:read,alerts:read,alerts:write,webhooks:admin}"
LOYALTY_API_KEY_ARGS=(
	"--loyalty.security.api-keys[0].name=local-dev"
	"--loyalty.security.api-keys[0].sha256=$LOYALTY_API_KEY_SHA256"
	"--loyalty.security.api-keys[0].scopes=$LOYALTY_API_KEY_SCOPES"
)

# The CRM dashboard of churn-alert-service (http://127.0.0.1:8084/dashboard): one manager, `manager`, whose password
# is local-dev-password (only its bcrypt hash is configured), and the keys the dashboard reads the APIs with (the
# platform key). From the environment, so that no key is on a command line; the other services ignore them.
LOYALTY_DASHBOARD_USER=manager
LOYALTY_DASHBOARD_PASSWORD=local-dev-password
export LOYALTY_DASHBOARD_USERS_0_USERNAME="$LOYALTY_DASHBOARD_USER"
export LOYALTY_DASHBOARD_USERS_0_PASSWORDHASH='{bcrypt}$2a$10$ZFDlpn/oVneOO7qPbfZFVOPG2WzMRW.1T0IceTEt1SVv8YLmgomM2'
export LOYALTY_DASHBOARD_USERS_0_DISPLAYNAME="Local manager"
export LOYALTY_DASHBOARD_APIKEY="$LOYALTY_API_KEY"
export LOYALTY_DASHBOARD_SURVEYSERVICE_URL="http://$LOYALTY_HOST:$SURVEY_SERVICE_PORT"
export LOYALTY_DASHBOARD_SURVEYSERVICE_APIKEY="$LOYALTY_API_KEY"
export LOYALTY_DASHBOARD_POINTSSERVICE_URL="http://$LOYALTY_HOST:$POINTS_SERVICE_PORT"
export LOYALTY_DASHBOARD_POINTSSERVICE_APIKEY="$LOYALTY_API_KEY"

# Each service logs once, to its console, as ECS JSON without banner or Kafka configuration dumps (service-support's
# defaults), and start_background sends the console to $LOYALTY_RUN_DIR/NAME/NAME.log: one file per service, no
# logging.file.name (a service given one would log twice).

# The Maven module of a service entry: the first folder of its JAR glob.
service_module() {
	local -a service_args
	read -r -a service_args <<<"$1"
	printf '%s\n' "${service_args[2]%%/*}"
}

# The Maven modules of the services whose jar is not built, one per line.
missing_service_modules() {
	local service
	local -a service_args
	for service in ${LOYALTY_SERVICES[@]+"${LOYALTY_SERVICES[@]}"}; do
		read -r -a service_args <<<"$service"
		if ! newest_match "${service_args[2]}" >/dev/null; then
			service_module "$service"
		fi
	done
}

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
# registry, with its state and its one log file under $LOYALTY_RUN_DIR/NAME/, and waits until its readiness probe
# answers. Builds the jar first if it is missing (start.sh builds all missing jars at once before).
start_service() {
	local name=$1 port=$2 jar_glob=$3
	shift 3
	local jar run_dir log_file
	if is_running "$name"; then
		info "$name is already running (PID $RECORDED_PID) on http://$LOYALTY_HOST:$port."
		return 0
	fi
	if ! jar="$(newest_match "$jar_glob")"; then
		maven_build "${jar_glob%%/*}"
		jar="$(newest_match "$jar_glob")" || die "the build of ${jar_glob%%/*} made no $jar_glob"
	fi
	require_free_ports "$name" "$port"
	run_dir="$(component_dir "$name")"
	log_file="$run_dir/$name.log"
	rotate_logs "$log_file"
	local -a quiet_opts
	mapfile -t quiet_opts < <(quiet_jvm_opts)
	info "Starting $name ..."
	start_background "$name" "$run_dir" "$log_file" \
		"$JAVA" -Xmx512m ${quiet_opts[@]+"${quiet_opts[@]}"} --enable-native-access=ALL-UNNAMED \
		"$(process_marker "$name")" -jar "$jar" \
		--server.address="$LOYALTY_HOST" \
		--server.port="$port" \
		--spring.kafka.bootstrap-servers="$KAFKA_BOOTSTRAP_SERVERS" \
		--spring.kafka.properties.schema.registry.url="$SCHEMA_REGISTRY_URL" \
		--spring.kafka.streams.state-dir="$run_dir/streams" \
		--loyalty.streams.instance-id="$name" \
		"${LOYALTY_API_KEY_ARGS[@]}" \
		"$@"
	wait_until "$name" 120 "readiness on http://$LOYALTY_HOST:$port/actuator/health/readiness" "$log_file" \
		http_ok "http://$LOYALTY_HOST:$port/actuator/health/readiness"
	if [[ -n "${LOYALTY_FIRST_QUERY[$name]:-}" ]]; then
		wait_until "$name" 120 "a first answer (not 503) from http://$LOYALTY_HOST:$port${LOYALTY_FIRST_QUERY[$name]}" \
			"$log_file" query_answers "http://$LOYALTY_HOST:$port${LOYALTY_FIRST_QUERY[$name]}"
	fi
	info "$name is up (PID $RECORDED_PID) on http://$LOYALTY_HOST:$port; log $log_file."
}

# query_answers URL: the platform key's query is answered, anything but 503 (state not queryable yet) or no answer.
# The key goes to curl on its standard input, not on its command line.
query_answers() {
	local status
	status="$(printf 'header = "X-Api-Key: %s"\n' "$LOYALTY_API_KEY" |
		curl -s -o /dev/null -w '%{http_code}' --max-time 3 --config - "$1")" || return 1
	[[ "$status" != 000 && "$status" != 503 ]]
}

