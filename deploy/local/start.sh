#!/usr/bin/env bash
#
# Starts the whole local stack on 127.0.0.1, building what is missing: Kafka, the schema registry, the topics of
# DESIGN.md, then every service that is built (lib/services.sh). Waits until each answers, then prints where
# everything listens. Idempotent: what already runs is left running. Stop it all with deploy/local/stop.sh.
set -euo pipefail

# shellcheck source=SCRIPTDIR/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=SCRIPTDIR/lib/services.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/services.sh"

# The topics of DESIGN.md ("Topics"), with their default names. Every topic that a Loyalty Pulse service reads also
# gets a dead letter topic, <topic>.DLT, where its error handler parks the records it cannot process. nps-scores has
# none: only dashboards outside Loyalty Pulse read it; nor have points-request-outcomes and points-tier-events (added by
# points-service, which writes them; see points-service/README.md).
TOPICS=(
	purchases
	invoices
	survey-responses
	complaints
	points-ledger
	points-requests
	points-request-outcomes
	points-tier-events
	nps-scores
	churn-alerts
	churn-alert-actions
)
DEAD_LETTER_TOPICS=(
	purchases.DLT
	invoices.DLT
	survey-responses.DLT
	complaints.DLT
	points-ledger.DLT
	points-requests.DLT
	churn-alerts.DLT
	churn-alert-actions.DLT
)
# Co-partitioned inputs must have the same partition count; a dead letter topic gets the same count too, because
# the dead letter recoverer writes a failed record to the partition it came from.
TOPIC_PARTITIONS="${TOPIC_PARTITIONS:-6}"

# Creates the topics that do not exist yet. One JVM lists what exists, then the missing topics are created with
# kafka-topics' own --if-not-exists (safe if something else creates one meanwhile), two JVMs at a time: each tool
# run is a JVM start, and there are two cores.
create_topics() {
	local -a existing missing=()
	local topic
	mapfile -t existing < <(kafka_tool org.apache.kafka.tools.TopicCommand \
		--bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --list)
	for topic in "${TOPICS[@]}" "${DEAD_LETTER_TOPICS[@]}"; do
		if ! printf '%s\n' ${existing[@]+"${existing[@]}"} | grep -qxF -- "$topic"; then
			missing+=("$topic")
		fi
	done
	if ((${#missing[@]} == 0)); then
		info "All ${#TOPICS[@]} topics and ${#DEAD_LETTER_TOPICS[@]} dead letter topics exist."
		return 0
	fi
	info "Creating ${#missing[@]} topics with $TOPIC_PARTITIONS partitions: ${missing[*]}"
	local failures=0 running=0
	for topic in "${missing[@]}"; do
		kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" \
			--create --if-not-exists --topic "$topic" --partitions "$TOPIC_PARTITIONS" --replication-factor 1 \
			>/dev/null &
		running=$((running + 1))
		if ((running >= 2)); then
			wait -n || failures=$((failures + 1))
			running=$((running - 1))
		fi
	done
	while ((running > 0)); do
		wait -n || failures=$((failures + 1))
		running=$((running - 1))
	done
	((failures == 0)) || die "$failures topic(s) could not be created (see the errors above)"
}

print_summary() {
	local service
	local -a service_args
	printf '\nLoyalty Pulse local stack is up (everything on %s):\n' "$LOYALTY_HOST"
	printf '  %-26s %s   (KRaft controller %s:%s)\n' "Kafka bootstrap servers" "$KAFKA_BOOTSTRAP_SERVERS" \
		"$LOYALTY_HOST" "$KAFKA_CONTROLLER_PORT"
	printf '  %-26s %s   (Confluent API: schema.registry.url)\n' "Schema registry" "$SCHEMA_REGISTRY_URL"
	printf '  %-26s %s/ui\n' "Registry UI" "$REGISTRY_URL"
	printf '  %-26s %s\n' "Platform API key" "$LOYALTY_API_KEY"
	for service in ${LOYALTY_SERVICES[@]+"${LOYALTY_SERVICES[@]}"}; do
		read -r -a service_args <<<"$service"
		if is_running "${service_args[0]}"; then
			printf '  %-26s http://%s:%s\n' "${service_args[0]}" "$LOYALTY_HOST" "${service_args[1]}"
		fi
	done
	printf '  %-26s %s\n' "Topics ($TOPIC_PARTITIONS partitions)" "${TOPICS[*]}"
	printf '  %-26s %s\n' "Dead letter topics" "${DEAD_LETTER_TOPICS[*]}"
	printf '  %-26s %s\n' "Data and logs" "$LOYALTY_RUN_DIR"
	printf 'Stop everything with deploy/local/stop.sh.\n'
}

"$LOYALTY_LOCAL_DIR/kafka/start.sh"
"$LOYALTY_LOCAL_DIR/registry/start.sh"
select_java
create_topics

for service in ${LOYALTY_SERVICES[@]+"${LOYALTY_SERVICES[@]}"}; do
	read -r -a service_args <<<"$service"
	start_service "${service_args[@]}"
done

print_summary
