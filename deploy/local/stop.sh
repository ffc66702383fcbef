#!/usr/bin/env bash
#
# Stops everything deploy/local/start.sh started, in reverse order: the services, the schema registry, Kafka. Only
# the PIDs that the start scripts recorded are signalled. Idempotent. Data and logs stay in $LOYALTY_RUN_DIR (delete
# that folder to reset the stack).
set -euo pipefail

# shellcheck source=SCRIPTDIR/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=SCRIPTDIR/lib/services.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/services.sh"

for ((i = ${#LOYALTY_SERVICES[@]} - 1; i >= 0; i--)); do
	read -r -a service_args <<<"${LOYALTY_SERVICES[i]}"
	# Spring Boot shuts down gracefully on SIGTERM: in-flight requests finish and Kafka Streams commits.
	stop_process "${service_args[0]}" 45
done
"$LOYALTY_LOCAL_DIR/registry/stop.sh"
"$LOYALTY_LOCAL_DIR/kafka/stop.sh"
