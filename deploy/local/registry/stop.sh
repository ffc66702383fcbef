#!/usr/bin/env bash
#
# Stops the local schema registry that deploy/local/registry/start.sh started (by its recorded PID, nothing else).
# Idempotent. Its schemas stay in $LOYALTY_RUN_DIR/registry/data for the next start.
set -euo pipefail

# shellcheck source=SCRIPTDIR/../lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

stop_process registry 30
