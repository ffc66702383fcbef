#!/usr/bin/env bash
#
# Starts the whole local stack on 127.0.0.1, building what is missing (one Maven run): Kafka, the schema registry, the
# topics of DESIGN.md, then every service of lib/services.sh. Waits until each answers, then prints where everything
# listens and the platform API key. Idempotent: what already runs is left running. Stop it all with
# deploy/local/stop.sh.
set -euo pipefail

# shellcheck source=SCRIPTDIR/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=SCRIPTDIR/lib/services.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/services.sh"

# The topics come from the topic catalogue in schemas (io.loyaltypulse.schemas.topics.EventTopics), through its
# command line tool TopicPlan, so that this script keeps no copy of them: every catalogue topic, each with its dead
# letter topic <topic>.DLT where its consumers park records they cannot process (TopicPlan.WITHOUT_DEAD_LETTER_TOPIC
# lists the exceptions). Only the topics of DESIGN.md that have no schema in the catalogue yet are named here; TopicPlan
# refuses one that the catalogue has, so that this list shrinks as the catalogue grows and never copies it. Which of
# them get a dead letter topic: those that a Loyalty Pulse service reads.
EXTRA_TOPICS=()
# Co-partitioned inputs must have the same partition count; a dead letter topic gets the same count too, because
# the dead letter recoverer writes a failed record to the partition it came from.
TOPIC_PARTITIONS="${TOPIC_PARTITIONS:-6}"

# Creates the topics that do not exist yet, with their retention.ms: TopicPlan's default (TopicProvisioner's
# DEFAULT_EVENT_RETENTION, longer than the oldest event that purchase-service accepts), or TOPIC_RETENTION_MS. Record
# timestamps are event times, so a topic that keeps less deletes backfilled events before anyone reads them; a topic
# that exists with less (a stack started before this rule) has its retention raised, which deletes nothing. Sets
# TOPIC_PLAN_SUMMARY to TopicPlan's first line (how many topics, their layout, and which).
create_topics() {
	local -a quiet_opts plan_args=(--bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --partitions "$TOPIC_PARTITIONS"
		--raise-retention)
	local output
	if [[ -n "${TOPIC_RETENTION_MS:-}" ]]; then
		plan_args+=(--retention-ms "$TOPIC_RETENTION_MS")
	fi
	mapfile -t quiet_opts < <(quiet_jvm_opts)
	output="$("$JAVA" -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC ${quiet_opts[@]+"${quiet_opts[@]}"} \
		--enable-native-access=ALL-UNNAMED -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
		-cp "$TOPIC_PLAN_LIBS/*" io.loyaltypulse.schemas.topics.TopicPlan "${plan_args[@]}" "${EXTRA_TOPICS[@]}")" ||
		die "the topics could not be created (TopicPlan's message above)"
	printf '%s\n' "$output"
	TOPIC_PLAN_SUMMARY="$(head -n 1 <<<"$output")"
}

# Builds, in one Maven run, every component that is missing: the broker's and the topic tool's class paths, the
# registry, the service jars. Each start script would build its own part, but each Maven run costs a JVM start and
# a reactor of its own.
build_missing() {
	local -a modules=()
	compgen -G "$KAFKA_HOME/libs/kafka_2.13-*.jar" >/dev/null || modules+=(deploy/local/kafka)
	[[ -f "$REGISTRY_JAR" ]] || modules+=(deploy/local/registry)
	compgen -G "$TOPIC_PLAN_LIBS/schemas-*.jar" >/dev/null || modules+=(deploy/local/topics)
	mapfile -t -O "${#modules[@]}" modules < <(missing_service_modules)
	if ((${#modules[@]} > 0)); then
		maven_build "${modules[@]}"
	fi
}

print_summary() {
	local service
	local -a service_args
	printf '\nLoyalty Pulse local stack is up (everything on %s):\n' "$LOYALTY_HOST"
	printf '  %-26s %s   (KRaft controller %s:%s)\n' "Kafka bootstrap servers" "$KAFKA_BOOTSTRAP_SERVERS" \
		"$LOYALTY_HOST" "$KAFKA_CONTROLLER_PORT"
	printf '  %-26s %s   (Confluent API: schema.registry.url)\n' "Schema registry" "$SCHEMA_REGISTRY_URL"
	printf '  %-26s %s/ui\n' "Registry UI" "$REGISTRY_URL"
	for service in ${LOYALTY_SERVICES[@]+"${LOYALTY_SERVICES[@]}"}; do
		read -r -a service_args <<<"$service"
		if is_running "${service_args[0]}"; then
			printf '  %-26s http://%s:%s\n' "${service_args[0]}" "$LOYALTY_HOST" "${service_args[1]}"
		fi
	done
	printf '  %-26s %s (listed above)\n' "Topics" "${TOPIC_PLAN_SUMMARY%%:*}"
	printf '  %-26s %s   (one ECS JSON log per service: <name>/<name>.log)\n' "Data and logs" "$LOYALTY_RUN_DIR"
	printf '\nPlatform API key: %s   (every scope, on every service)\n' "$LOYALTY_API_KEY"
	printf '  Send it as "Authorization: Bearer %s" or "X-Api-Key: %s", for example:\n' "$LOYALTY_API_KEY" \
		"$LOYALTY_API_KEY"
	printf '  curl -H "Authorization: Bearer %s" http://%s:%s/api/v1/customers/c-1042/points\n' "$LOYALTY_API_KEY" \
		"$LOYALTY_HOST" "$POINTS_SERVICE_PORT"
	printf '\nCRM dashboard: http://%s:%s/dashboard   (user %s, password %s)\n' "$LOYALTY_HOST" \
		"$CHURN_ALERT_SERVICE_PORT" "$LOYALTY_DASHBOARD_USER" "$LOYALTY_DASHBOARD_PASSWORD"
	printf 'Stop everything with deploy/local/stop.sh.\n'
}

select_java
build_missing
"$LOYALTY_LOCAL_DIR/kafka/start.sh"
"$LOYALTY_LOCAL_DIR/registry/start.sh"
create_topics

for service in ${LOYALTY_SERVICES[@]+"${LOYALTY_SERVICES[@]}"}; do
	read -r -a service_args <<<"$service"
	start_service "${service_args[@]}"
done

print_summary
