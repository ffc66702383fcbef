# shellcheck shell=bash
# The settings below are read by the scripts that source this file, not here:
# shellcheck disable=SC2034
#
# Shared functions and settings of the local stack scripts (deploy/local/**/start.sh, stop.sh).
# Source it, do not run it. It changes no shell option: each script sets `set -euo pipefail` itself.
#
# What lives where:
#   $LOYALTY_RUN_DIR/<component>/        data, logs and the pid file of one component (default deploy/local/.run,
#                                        git-ignored), so removing that one folder resets the whole stack.
#   <component>.pid                      "PID START_TIME": the PID that start.sh launched and the kernel's start
#                                        time of that process, so stop.sh can tell our process from a recycled PID.

# The repository root, whatever the caller's working directory is.
LOYALTY_REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd -P)"
LOYALTY_LOCAL_DIR="$LOYALTY_REPO_ROOT/deploy/local"

LOYALTY_RUN_DIR="${LOYALTY_RUN_DIR:-$LOYALTY_LOCAL_DIR/.run}"
# Processes are started from other working directories, so a relative override must become absolute now.
case "$LOYALTY_RUN_DIR" in
	/*) ;;
	*) LOYALTY_RUN_DIR="$PWD/$LOYALTY_RUN_DIR" ;;
esac
export LOYALTY_RUN_DIR

# Everything binds to loopback: the local stack must never be reachable from the network (DESIGN.md, "Ports on
# one machine"). Ports can be moved with these variables, e.g. to run next to something else that uses 9092.
LOYALTY_HOST=127.0.0.1
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
REGISTRY_PORT="${REGISTRY_PORT:-8081}"
PURCHASE_SERVICE_PORT="${PURCHASE_SERVICE_PORT:-8080}"
POINTS_SERVICE_PORT="${POINTS_SERVICE_PORT:-8082}"
SURVEY_SERVICE_PORT="${SURVEY_SERVICE_PORT:-8083}"
CHURN_ALERT_SERVICE_PORT="${CHURN_ALERT_SERVICE_PORT:-8084}"

KAFKA_BOOTSTRAP_SERVERS="$LOYALTY_HOST:$KAFKA_PORT"
REGISTRY_URL="http://$LOYALTY_HOST:$REGISTRY_PORT"
# Apicurio serves the Confluent Schema Registry API under this path; it is what `schema.registry.url` points at.
SCHEMA_REGISTRY_URL="$REGISTRY_URL/apis/ccompat/v7"
# The one platform API key of the local stack (real keys come from configuration or Kubernetes Secrets).
LOYALTY_API_KEY="${LOYALTY_API_KEY:-local-dev-key}"

KAFKA_HOME="$LOYALTY_LOCAL_DIR/kafka/target/kafka"
KAFKA_CONFIG_DIR="$LOYALTY_LOCAL_DIR/kafka/config"
REGISTRY_JAR="$LOYALTY_LOCAL_DIR/registry/target/quarkus-app/quarkus-run.jar"
# The class path of io.loyaltypulse.schemas.topics.TopicPlan, which creates the topics of the catalogue in schemas.
TOPIC_PLAN_LIBS="$LOYALTY_LOCAL_DIR/topics/target/libs"

# The services are built for Java 21. The registry, assembled by Quarkus on the JDK that runs Maven, needs that JDK or
# a newer one: the newest installed JDK (select_java) is always that.
LOYALTY_MIN_JAVA=21

# ---------------------------------------------------------------------------------------------------------------
# Messages

info() {
	printf '%s\n' "$*"
}

warn() {
	printf 'WARNING: %s\n' "$*" >&2
}

die() {
	printf 'ERROR: %s\n' "$*" >&2
	exit 1
}

# ---------------------------------------------------------------------------------------------------------------
# Java

# Prints the feature version (17, 21, 25, ...) of the JDK in $1. Reads the JDK's `release` file, which costs no JVM
# start; asks the JVM only when there is none.
java_feature_version() {
	local jdk=$1 version=""
	if [[ -r "$jdk/release" ]]; then
		version="$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$jdk/release")"
	fi
	if [[ -z "$version" ]]; then
		version="$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 |
			awk -F' = ' '/java\.specification\.version/ { print $2; exit }')"
	fi
	version="${version#1.}" # "1.8.0_292" means 8
	version="${version%%[!0-9]*}"
	[[ -n "$version" ]] || return 1
	printf '%s\n' "$version"
}

# Sets and exports JAVA_HOME and JAVA to a JDK >= $LOYALTY_MIN_JAVA: $JAVA_HOME when it is new enough (the caller's
# choice wins), else the newest one under /usr/lib/jvm (or $LOYALTY_JVM_DIR). The default `java` on a machine may
# well be 17, which can neither build this project nor run the registry built by it.
select_java() {
	local candidate version best="" best_version=0
	if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
		version="$(java_feature_version "$JAVA_HOME")" || version=0
		if ((version >= LOYALTY_MIN_JAVA)); then
			JAVA="$JAVA_HOME/bin/java"
			JAVA_FEATURE_VERSION="$version"
			export JAVA_HOME JAVA
			return 0
		fi
	fi
	for candidate in "${LOYALTY_JVM_DIR:-/usr/lib/jvm}"/*; do
		# A JDK, not a JRE: the same JAVA_HOME also runs ./mvnw when a component has to be built first.
		[[ -x "$candidate/bin/java" && -x "$candidate/bin/javac" ]] || continue
		version="$(java_feature_version "$candidate")" || continue
		if ((version >= LOYALTY_MIN_JAVA && version > best_version)); then
			best="$candidate"
			best_version="$version"
		fi
	done
	[[ -n "$best" ]] ||
		die "no JDK >= $LOYALTY_MIN_JAVA found: JAVA_HOME is '${JAVA_HOME:-unset}' and ${LOYALTY_JVM_DIR:-/usr/lib/jvm} has none. Install one, or point JAVA_HOME at it."
	JAVA_HOME="$best"
	JAVA="$best/bin/java"
	JAVA_FEATURE_VERSION="$best_version"
	export JAVA_HOME JAVA
}

# Prints, one per line, JVM options that keep the selected JDK quiet about what Kafka and Quarkus 2 legitimately
# do: since JDK 23 every use of sun.misc.Unsafe's memory methods prints a warning to the log (JEP 471).
quiet_jvm_opts() {
	if ((JAVA_FEATURE_VERSION >= 23)); then
		printf '%s\n' --sun-misc-unsafe-memory-access=allow
	fi
}

# Builds Maven modules (paths relative to the repository root) and the modules they depend on, in one reactor run of
# the repository's own wrapper (-pl ... -am): nothing is installed into ~/.m2 and nothing has to be built before, so
# this works on a fresh clone and never picks up another checkout's snapshot. Tests are not run (they are compiled:
# the test jars of schemas are part of the reactor). Maven's output goes to $LOYALTY_RUN_DIR/build.log.
maven_build() {
	local modules log_file="$LOYALTY_RUN_DIR/build.log"
	modules="$(IFS=,; printf '%s' "$*")"
	mkdir -p "$LOYALTY_RUN_DIR"
	info "Building $* (needed once; later starts reuse target/; log $log_file) ..."
	local maven_opts="${MAVEN_OPTS:-}"
	if ((JAVA_FEATURE_VERSION >= 23)); then
		maven_opts="$maven_opts --sun-misc-unsafe-memory-access=allow" # Maven's Guice, see quiet_jvm_opts
	fi
	if ! (cd "$LOYALTY_REPO_ROOT" && MAVEN_OPTS="$maven_opts" ./mvnw -B -ntp package -DskipTests -pl "$modules" -am \
		>"$log_file" 2>&1); then
		tail -n 40 "$log_file" >&2
		die "the build of $* failed (last lines above, all in $log_file); run: (cd $LOYALTY_REPO_ROOT && ./mvnw -pl $modules -am package)"
	fi
}

# Runs one of Kafka's own command line tools on the local broker's classpath. The JVM flags only make these
# short-lived JVMs start faster; the tools log warnings to stderr only.
kafka_tool() {
	local main_class=$1
	shift
	local -a quiet_opts
	mapfile -t quiet_opts < <(quiet_jvm_opts)
	"$JAVA" -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC ${quiet_opts[@]+"${quiet_opts[@]}"} \
		-Dlog4j2.configurationFile="$KAFKA_CONFIG_DIR/tools-log4j2.xml" \
		-cp "$KAFKA_HOME/libs/*" "$main_class" "$@"
}

# ---------------------------------------------------------------------------------------------------------------
# Processes started in the background, each known by a name ("kafka", "registry", "points-service", ...)

component_dir() {
	printf '%s\n' "$LOYALTY_RUN_DIR/$1"
}

pid_file() {
	printf '%s\n' "$LOYALTY_RUN_DIR/$1/$1.pid"
}

# An argument that start_background's callers put on the command line (for a JVM: a harmless system property). It
# names the component and this run folder, so stop.sh only ever signals a process whose command line carries it.
process_marker() {
	printf '%s\n' "-Dloyalty.local.process=$1@$LOYALTY_RUN_DIR"
}

# The kernel's start time of a process (clock ticks since boot, field 22 of /proc/PID/stat): with the PID it
# identifies one process for the machine's whole uptime, even after the PID is reused.
process_start_time() {
	local stat
	stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
	stat="${stat##*) }" # the command name in field 2 may hold spaces and parentheses
	local -a fields
	read -r -a fields <<<"$stat"
	printf '%s\n' "${fields[19]}" # field 22 overall; this array starts at field 3
}

# Reads NAME's pid file into RECORDED_PID and RECORDED_START; fails when there is none.
read_pid_file() {
	local file
	file="$(pid_file "$1")"
	RECORDED_PID=""
	RECORDED_START=""
	[[ -s "$file" ]] || return 1
	read -r RECORDED_PID RECORDED_START <"$file" || true
	[[ "$RECORDED_PID" =~ ^[0-9]+$ ]]
}

# True while the very process that start_background launched for NAME is alive (same PID, same start time).
process_alive() {
	read_pid_file "$1" || return 1
	local start
	start="$(process_start_time "$RECORDED_PID")" || return 1
	[[ -z "$RECORDED_START" || "$start" == "$RECORDED_START" ]]
}

# True when NAME's recorded process is alive and its command line still carries NAME's marker. Sets RECORDED_PID.
is_running() {
	local name=$1
	process_alive "$name" || return 1
	local marker
	marker="$(process_marker "$name")"
	tr '\0' '\n' <"/proc/$RECORDED_PID/cmdline" 2>/dev/null | grep -qxF -- "$marker"
}

# start_background NAME WORKDIR LOG_FILE COMMAND...: starts COMMAND in WORKDIR, detached from this terminal (nohup,
# stdin from /dev/null), appending its output to LOG_FILE, and records its PID and start time in NAME's pid file.
# The subshell execs nohup, which execs COMMAND, so $! is the PID of COMMAND itself.
start_background() {
	local name=$1 workdir=$2 log_file=$3
	shift 3
	local file pid start
	file="$(pid_file "$name")"
	mkdir -p "$(dirname "$file")" "$(dirname "$log_file")" "$workdir"
	(cd "$workdir" && exec nohup "$@" >>"$log_file" 2>&1 </dev/null) &
	pid=$!
	start="$(process_start_time "$pid")" || start=""
	printf '%s %s\n' "$pid" "$start" >"$file"
}

# stop_process NAME [TIMEOUT_SECONDS]: stops the process that start_background recorded for NAME, and nothing else:
# SIGTERM (Kafka and the JVM services shut down cleanly on it), wait up to TIMEOUT, then SIGKILL.
stop_process() {
	local name=$1 timeout=${2:-30}
	local file
	file="$(pid_file "$name")"
	if ! read_pid_file "$name"; then
		info "$name is not running (no pid file)."
		return 0
	fi
	if ! is_running "$name"; then
		info "$name is not running (stale pid file for PID $RECORDED_PID removed; that PID is not ours now)."
		rm -f "$file"
		return 0
	fi
	local pid=$RECORDED_PID
	info "Stopping $name (PID $pid) ..."
	kill -TERM "$pid" 2>/dev/null || true
	local deadline=$((SECONDS + timeout))
	while process_alive "$name" && ((SECONDS < deadline)); do
		sleep 0.2
	done
	if process_alive "$name"; then
		warn "$name (PID $pid) did not stop within ${timeout}s; sending SIGKILL."
		# Re-check right before the kill: only a process that still carries our marker is signalled.
		if is_running "$name"; then
			kill -KILL "$pid" 2>/dev/null || true
		fi
		deadline=$((SECONDS + 10))
		while process_alive "$name" && ((SECONDS < deadline)); do
			sleep 0.2
		done
		process_alive "$name" && die "$name (PID $pid) is still alive after SIGKILL"
	fi
	rm -f "$file"
	info "$name stopped."
}

# Keeps one generation of old logs: each start writes fresh files, so what a failed start prints (and what one reads
# after it) is about this start only; the previous run's logs stay next to them as *.previous.
rotate_logs() {
	local log_file
	for log_file in "$@"; do
		if [[ -s "$log_file" ]]; then
			mv -f "$log_file" "$log_file.previous"
		fi
	done
}

# Prints the last lines of each log file, to explain a failed start.
show_log_tail() {
	local log_file
	for log_file in "$@"; do
		[[ -s "$log_file" ]] || continue
		printf -- '----- last lines of %s -----\n' "$log_file" >&2
		tail -n 40 "$log_file" >&2
	done
}

# wait_until NAME TIMEOUT_SECONDS "WHAT" LOG_FILES COMMAND...: polls COMMAND until it succeeds. Fails, with the tail
# of LOG_FILES (space-separated), as soon as NAME's process has died, or when TIMEOUT passes; a timed-out process
# is stopped, so a failed start leaves nothing behind that blocks the ports.
wait_until() {
	local name=$1 timeout=$2 what=$3 log_files=$4
	shift 4
	local -a logs
	read -r -a logs <<<"$log_files"
	local deadline=$((SECONDS + timeout))
	until "$@" >/dev/null 2>&1; do
		if ! process_alive "$name"; then
			show_log_tail "${logs[@]}"
			rm -f "$(pid_file "$name")"
			die "$name exited while waiting for $what (logs above, in $(component_dir "$name"))"
		fi
		if ((SECONDS >= deadline)); then
			show_log_tail "${logs[@]}"
			stop_process "$name" 10 >&2
			die "$name: no $what within ${timeout}s (logs above, in $(component_dir "$name"))"
		fi
		sleep 0.5
	done
}

# ---------------------------------------------------------------------------------------------------------------
# Network checks (bash's /dev/tcp and curl: nothing else to install)

port_open() {
	(exec 3<>"/dev/tcp/$LOYALTY_HOST/$1") 2>/dev/null
}

# Refuses to start NAME when one of the ports is already taken by a process that is not NAME's.
require_free_ports() {
	local name=$1 port
	shift
	for port in "$@"; do
		if port_open "$port"; then
			die "$name cannot start: $LOYALTY_HOST:$port is already in use by another process (not one this stack started). Stop it, or move $name with its *_PORT variable."
		fi
	done
}

http_ok() {
	curl -fsS -o /dev/null --max-time 3 "$1"
}
