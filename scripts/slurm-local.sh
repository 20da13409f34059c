#!/usr/bin/env bash
# A single-node Slurm on this machine, for trying `rnnbench slurm` and for scripts/slurm-it.sh:
#
#   scripts/slurm-local.sh start    # install (Debian packages, if missing), configure, start; idempotent
#   scripts/slurm-local.sh status   # node state; exit 0 only when the node is idle/mixed/allocated (usable)
#   scripts/slurm-local.sh stop     # stop slurmd, slurmctld and munged (the ones this script started)
#
# Runs as root, without systemd. The node is `hostname -s` at 127.0.0.1 with all CPUs and about 85% of the memory;
# the configuration lives in $SLURM_LOCAL_CONF (default /etc/slurm), written by this script, state and logs in
# /var/spool/slurm*, /var/log/slurm, pid files in /run/slurm.
#
# What the configuration needs, measured on Debian 12 with Slurm 22.05:
# - DefMemPerCPU: without it, SelectTypeParameters=CR_Core_Memory gives every job all of the node's memory, so the
#   tasks of an array run one at a time.
# - DependencyParameters=kill_invalid_depend (not SchedulerParameters, where this version ignores it): without it
#   a job depending on a failed job with afterok stays pending forever.
# - TaskPlugin=task/none and ProctrackType=proctrack/linuxproc: there are no cgroups to manage here.
# The package scripts try to start the daemons at install time, before any configuration exists; a temporary
# /usr/sbin/policy-rc.d that exits 101 stops that.
set -euo pipefail

CONF_DIR="${SLURM_LOCAL_CONF:-/etc/slurm}"
RUN_DIR=/run/slurm
LOG_DIR=/var/log/slurm
HOST="$(hostname -s)"
PACKAGES=(slurmctld slurmd slurm-client munge)

say() { echo "slurm-local: $*" >&2; }
die() { say "$*"; exit 3; }

need_root() {
    [[ $(id -u) -eq 0 ]] || die "must run as root (it installs packages and starts daemons), uid $(id -u)"
}

install_packages() {
    local missing=() p
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0
    command -v apt-get >/dev/null || die "packages ${missing[*]} are missing and there is no apt-get; install them by hand"
    say "installing ${missing[*]}"
    local made_policy=0
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
        chmod 755 /usr/sbin/policy-rc.d
        made_policy=1
    fi
    local rc=0
    {
        DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
    } >/tmp/slurm-local-apt.log 2>&1 || rc=$?
    [[ $made_policy -eq 1 ]] && rm -f /usr/sbin/policy-rc.d
    if [[ $rc -ne 0 ]]; then
        tail -n 20 /tmp/slurm-local-apt.log >&2
        die "apt-get failed (exit $rc); full log in /tmp/slurm-local-apt.log"
    fi
}

# slurm.conf for one node: every CPU, 85% of the memory, memory per CPU so that tasks share the node.
write_conf() {
    local cpus mem_mb real defmem
    cpus="$(nproc)"
    mem_mb=$(( $(awk '/^MemTotal:/ {print $2}' /proc/meminfo) / 1024 ))
    real=$(( mem_mb * 85 / 100 ))
    defmem=$(( real / cpus ))
    mkdir -p "$CONF_DIR"
    local conf="$CONF_DIR/slurm.conf" tmp
    tmp="$(mktemp)"
    cat > "$tmp" <<EOF
# Written by rnnbench's scripts/slurm-local.sh: a single-node Slurm for local runs and tests.
ClusterName=rnnbench-local
SlurmctldHost=$HOST(127.0.0.1)
SlurmUser=slurm
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
MailProg=/bin/true
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
DefMemPerCPU=$defmem
DependencyParameters=kill_invalid_depend
ReturnToService=2
MinJobAge=300
SchedulerType=sched/backfill
SlurmctldPidFile=$RUN_DIR/slurmctld.pid
SlurmdPidFile=$RUN_DIR/slurmd.pid
SlurmctldPort=6817
SlurmdPort=6818
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldLogFile=$LOG_DIR/slurmctld.log
SlurmdLogFile=$LOG_DIR/slurmd.log
NodeName=$HOST NodeAddr=127.0.0.1 CPUs=$cpus Sockets=1 CoresPerSocket=$cpus ThreadsPerCore=1 RealMemory=$real State=UNKNOWN
PartitionName=debug Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
EOF
    if ! cmp -s "$tmp" "$conf"; then
        mv "$tmp" "$conf"
        chmod 644 "$conf"
        CONF_CHANGED=1
    else
        rm -f "$tmp"
    fi
}

# A pid file names a live process of that command.
running() {
    local pidfile=$1 name=$2 pid
    [[ -f "$pidfile" ]] || return 1
    pid="$(cat "$pidfile" 2>/dev/null)"
    [[ -n "$pid" && -r /proc/$pid/comm && "$(cat /proc/$pid/comm)" == "$name" ]]
}

start_munge() {
    if [[ ! -f /etc/munge/munge.key ]]; then
        mungekey --create >/dev/null 2>&1 || dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=1024 2>/dev/null
    fi
    chown munge:munge /etc/munge/munge.key
    chmod 400 /etc/munge/munge.key
    mkdir -p /run/munge /var/log/munge /var/lib/munge
    chown munge:munge /run/munge /var/log/munge /var/lib/munge
    if ! running /run/munge/munged.pid munged; then
        su -s /bin/sh munge -c 'munged --force' || die "munged did not start; see /var/log/munge/munged.log"
    fi
    local i
    for i in $(seq 50); do
        munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    die "munge does not answer (munge -n | unmunge fails); see /var/log/munge/munged.log"
}

start_slurm() {
    mkdir -p "$RUN_DIR" "$LOG_DIR" /var/spool/slurmctld /var/spool/slurmd
    chown slurm:slurm "$RUN_DIR" "$LOG_DIR" /var/spool/slurmctld
    export SLURM_CONF="$CONF_DIR/slurm.conf"
    if [[ ${CONF_CHANGED:-0} -eq 1 ]]; then
        # a new configuration (CPUs, memory, host): restart what runs with the old one
        stop_daemons
    fi
    running "$RUN_DIR/slurmctld.pid" slurmctld || slurmctld || die "slurmctld did not start; see $LOG_DIR/slurmctld.log"
    running "$RUN_DIR/slurmd.pid" slurmd || slurmd || die "slurmd did not start; see $LOG_DIR/slurmd.log"
    local i state
    for i in $(seq 150); do
        state="$(node_state)"
        case "$state" in
            idle*|mixed*|alloc*) return 0 ;;
            down*|drain*|fail*)
                scontrol update NodeName="$HOST" State=RESUME >/dev/null 2>&1 || true ;;
        esac
        sleep 0.2
    done
    die "node $HOST is not usable after 30 s (state '${state:-none}'); see $LOG_DIR/slurmctld.log and slurmd.log"
}

node_state() {
    SLURM_CONF="$CONF_DIR/slurm.conf" sinfo -h -n "$HOST" -o %T 2>/dev/null | head -n 1 || true
}

stop_pid() {
    local pidfile=$1 name=$2 pid i
    running "$pidfile" "$name" || { rm -f "$pidfile"; return 0; }
    pid="$(cat "$pidfile")"
    kill "$pid" 2>/dev/null || true
    for i in $(seq 50); do
        [[ -d /proc/$pid ]] || { rm -f "$pidfile"; return 0; }
        sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$pidfile"
}

stop_daemons() {
    stop_pid "$RUN_DIR/slurmd.pid" slurmd
    stop_pid "$RUN_DIR/slurmctld.pid" slurmctld
}

case "${1:-}" in
    start)
        need_root
        install_packages
        CONF_CHANGED=0
        write_conf
        start_munge
        start_slurm
        say "node $HOST is $(node_state) (config $CONF_DIR/slurm.conf)"
        ;;
    stop)
        need_root
        stop_daemons
        stop_pid /run/munge/munged.pid munged
        say "stopped"
        ;;
    status)
        if ! command -v sinfo >/dev/null; then
            say "not installed (no sinfo); run: scripts/slurm-local.sh start"
            exit 1
        fi
        state="$(node_state)"
        echo "${HOST} ${state:-unreachable}"
        case "$state" in
            idle*|mixed*|alloc*|completing*) exit 0 ;;
            *) exit 1 ;;
        esac
        ;;
    *)
        echo "usage: scripts/slurm-local.sh start|stop|status" >&2
        exit 2
        ;;
esac
