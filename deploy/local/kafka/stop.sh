#!/usr/bin/env bash
#
# Stops the local Kafka that deploy/local/kafka/start.sh started (by its recorded PID, nothing else). The broker
# shuts down cleanly on SIGTERM in a few seconds; after 60 s it is killed. Idempotent.
set -euo pipefail

# shellcheck source=SCRIPTDIR/../lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

stop_process kafka 60
