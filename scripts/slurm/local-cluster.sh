#!/usr/bin/env bash
# A real, private, single-node Slurm cluster on this machine, for the tests and for trying the workflow:
#
#   scripts/slurm/local-cluster.sh start     install slurm-wlm and munge if missing (apt), write a slurm.conf for
#                                            this machine, start munged, slurmctld and slurmd, wait for the node
#   eval "$(scripts/slurm/local-cluster.sh env)"   point sbatch/squeue/sacct/scontrol at it (SLURM_CONF)
#   scripts/slurm/local-cluster.sh status    daemons, node state, anything of this cluster still running
#   scripts/slurm/local-cluster.sh stop      cancel its jobs, stop exactly the daemons it started, check nothing is left
#
# Everything (config, munge key and socket, daemon state, logs, pid files, the job-completion log) lives in one
# folder: $VREC_SLURM_DIR, default /tmp/vrec-slurm. Ports are picked free at start, so two clusters in two
# folders do not meet, and the machine's own Slurm or munge (if any) is never touched.
#
# Exit codes: 0 done; 1 failed; 3 this machine cannot run it (not Debian/Ubuntu, or packages missing and no
# root to install them): the tests skip on 3 and print the message.
#
# Accounting: there is no slurmdbd (it needs a MySQL/MariaDB server). Finished jobs are written by
# JobCompType=jobcomp/filetxt, which `sacct --completion` (-c) reads (state, exit code, start and end times);
# slurmctld also keeps finished jobs in memory for MinJobAge (an hour here) for `scontrol show job`.
set -euo pipefail
# Bash before 4.4 calls an empty array unbound under -u, and clusters still run 4.2 (RHEL/CentOS 7).
((BASH_VERSINFO[0] * 100 + BASH_VERSINFO[1] >= 404)) || set +u

state="${VREC_SLURM_DIR:-/tmp/vrec-slurm}"
case "$state" in /*) ;; *) state="$PWD/$state" ;; esac
conf="$state/etc/slurm.conf"
START_TIMEOUT="${VREC_SLURM_START_TIMEOUT:-90}"   # seconds for the node to become idle
PACKAGES=(slurm-wlm munge)

say() { printf 'local-cluster: %s\n' "$*" >&2; }
fail() { printf 'local-cluster: ERROR: %s\n' "$*" >&2; exit 1; }
unavailable() { printf 'local-cluster: UNAVAILABLE: %s\n' "$*" >&2; exit 3; }

pid_of() { [ -s "$state/run/$1.pid" ] && cat "$state/run/$1.pid" || true; }
alive() { local pid; pid="$(pid_of "$1")"; [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }

slurm_env() { env SLURM_CONF="$conf" "$@"; }

# ---------------------------------------------------------------------------------------------- install
have_binaries() {
  command -v munged >/dev/null && command -v slurmctld >/dev/null && command -v slurmd >/dev/null \
    && command -v sbatch >/dev/null && command -v sacct >/dev/null
}

install_packages() {
  have_binaries && return 0
  command -v apt-get >/dev/null 2>&1 || unavailable "slurmctld/slurmd/munged are not installed and this is not Debian/Ubuntu (no apt-get); install Slurm and MUNGE yourself"
  local sudo=()
  if ((EUID != 0)); then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=(sudo -n)
    else
      unavailable "Slurm is not installed and installing it needs root: sudo apt-get install -y --no-install-recommends ${PACKAGES[*]}"
    fi
  fi
  # One installation at a time (two clusters starting at once), and wait for another apt/dpkg to finish.
  exec 9>"${TMPDIR:-/tmp}/vrec-slurm-install.lock"
  flock -w 600 9 || unavailable "another installation of ${PACKAGES[*]} holds the lock for 10 minutes"
  if have_binaries; then exec 9>&-; return 0; fi
  local apt=(apt-get -o DPkg::Lock::Timeout=300 -qq)
  say "installing ${PACKAGES[*]} (apt) ..."
  "${sudo[@]}" "${apt[@]}" update >&2 || say "apt-get update failed; trying the install anyway"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y --no-install-recommends "${PACKAGES[@]}" >&2 \
    || unavailable "apt-get install ${PACKAGES[*]} failed (see above)"
  exec 9>&-
  # Debian's packages would start the system daemons under systemd; with no systemd nothing was started.
  have_binaries || fail "installed ${PACKAGES[*]} but munged/slurmctld/slurmd/sbatch are still not on PATH"
}

# ---------------------------------------------------------------------------------------------- config
free_port() {
  local port used
  used="$(ss -Htan 2>/dev/null | awk '{print $4}' | sed 's/.*://' | sort -u)"
  for _ in $(seq 200); do
    port=$((20000 + RANDOM % 30000))
    if ! grep -qx "$port" <<<"$used" && ! grep -qx "$((port + 1))" <<<"$used"; then
      echo "$port"
      return
    fi
  done
  fail "no free TCP port pair found"
}

write_config() {
  local node user ctld_port node_line
  user="$(id -un)"
  # slurmd -C reports this machine as Slurm sees it: NodeName=<host> CPUs=.. Boards=.. SocketsPerBoard=..
  # CoresPerSocket=.. ThreadsPerCore=.. RealMemory=..
  node_line="$(slurmd -C 2>/dev/null | head -n1)"
  [[ "$node_line" == NodeName=* ]] || fail "slurmd -C did not describe this machine: $node_line"
  node="${node_line%% *}"; node="${node#NodeName=}"
  ctld_port="${VREC_SLURM_PORT:-$(free_port)}"
  mkdir -p "$state/etc" "$state/ctld" "$state/spool" "$state/log" "$state/run" "$state/munge"
  cat >"$conf" <<EOF
# Written by scripts/slurm/local-cluster.sh for a private single-node test cluster; state in $state
ClusterName=vrec-local
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$((ctld_port + 1))
SlurmUser=$user
SlurmdUser=$user
AuthType=auth/munge
CredType=cred/munge
# cred_expire also sets how long a requeued job waits before it may start again (default 120 s)
AuthInfo=socket=$state/munge/munge.socket.2,cred_expire=5
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/spool
SlurmctldPidFile=$state/run/slurmctld.pid
SlurmdPidFile=$state/run/slurmd.pid
SlurmctldLogFile=$state/log/slurmctld.log
SlurmdLogFile=$state/log/slurmd.log
# No cgroups (none are delegated in containers and small VMs): processes are tracked by parent pid
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
MpiDefault=none
# No slurmdbd: finished jobs go to a text file that 'sacct --completion' reads
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$state/log/jobcomp.txt
# Keep finished jobs visible to scontrol/squeue for an hour
MinJobAge=3600
KillWait=5
ReturnToService=2
SchedulerType=sched/backfill
SchedulerParameters=sched_interval=2,bf_interval=2
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
$node_line NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=local Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
}

# ---------------------------------------------------------------------------------------------- processes
# The daemons carry VREC_SLURM_STATE=<state> in their environment, the jobs SLURM_CONF=<conf> and SLURM_JOB_ID;
# the slurmstepd of each job (started by slurmd with an empty environment) works in <state>/log. That is how
# `stop` and `status` find them, never by program name alone. Daemons and jobs run in sessions of their own, so nothing in this script's
# session (itself, its caller) is ever counted, even when it runs inside some other Slurm job.
cluster_processes() {
  local pids own_session
  # One grep over every process's environment (a grep per process is slow on a busy machine).
  pids="$({
    grep -lzxF "VREC_SLURM_STATE=$state" /proc/[0-9]*/environ 2>/dev/null || true
    local jobs
    jobs="$(grep -lzxF "SLURM_CONF=$conf" /proc/[0-9]*/environ 2>/dev/null || true)"
    # shellcheck disable=SC2086
    [ -z "$jobs" ] || grep -lz '^SLURM_JOB_ID=' $jobs 2>/dev/null || true
    local cwd
    for cwd in $(find /proc/[0-9]*/cwd -maxdepth 0 -lname "$state/*" 2>/dev/null); do
      [[ "$(tr '\0' ' ' <"${cwd%/cwd}/cmdline" 2>/dev/null)" == slurmstepd* ]] && echo "${cwd%/cwd}/environ"
    done
  } | sed -n 's|^/proc/\([0-9]*\)/environ$|\1|p' | sort -un)"
  [ -n "$pids" ] || return 0
  own_session="$(ps -o sid= -p $$ | tr -d ' ')"
  ps -o pid=,sid= -p "$(paste -sd, <<<"$pids")" 2>/dev/null | awk -v own="$own_session" '$2 != own { print $1 }' || true
}

# A start that fails half-way stops what it had started, so nothing is left running.
start_failed() {
  say "ERROR: $*; last log lines:"
  tail -n 5 "$state"/log/*.log >&2 2>/dev/null || true
  cmd_stop
  exit 1
}

start_daemon() { # name, command...
  local name="$1"; shift
  VREC_SLURM_STATE="$state" "$@" || start_failed "$name did not start"
  # The same allowance as the node's: a busy machine may take far longer than usual to start a daemon.
  local deadline=$((SECONDS + START_TIMEOUT))
  until alive "$name"; do
    ((SECONDS < deadline)) || start_failed "$name wrote no live pid file in ${START_TIMEOUT} s"
    sleep 0.2
  done
}

cmd_start() {
  if alive slurmctld && alive slurmd && alive munged; then
    say "already running in $state"
    cmd_env
    return
  fi
  [ -n "$(cluster_processes)" ] && fail "a half-started cluster is still running in $state; run '$0 stop' first"
  install_packages
  # A fresh cluster every time: remove what an earlier start left here (only the folders this script makes).
  rm -rf "$state/etc" "$state/ctld" "$state/spool" "$state/log" "$state/run" "$state/munge"
  mkdir -p -m 0755 "$state"
  write_config

  mungekey --create --keyfile="$state/munge/munge.key" >/dev/null 2>&1 \
    || dd if=/dev/urandom of="$state/munge/munge.key" bs=1024 count=1 status=none
  chmod 0400 "$state/munge/munge.key"
  # --force: munged refuses a socket in a folder that not everyone can reach (a private temporary folder); only
  # this user's daemons and jobs use it, so that check does not matter here.
  start_daemon munged munged --force --key-file="$state/munge/munge.key" --socket="$state/munge/munge.socket.2" \
    --pid-file="$state/run/munged.pid" --log-file="$state/log/munged.log" --seed-file="$state/munge/munged.seed"
  start_daemon slurmctld slurmctld -f "$conf"
  start_daemon slurmd slurmd -f "$conf"

  local deadline=$((SECONDS + START_TIMEOUT)) node_state=""
  while ((SECONDS < deadline)); do
    node_state="$(slurm_env sinfo -h -N -o %T 2>/dev/null | head -n1 || true)"
    [ "$node_state" = "idle" ] && break
    sleep 0.5
  done
  [ "$node_state" = "idle" ] || start_failed "the node did not become idle in ${START_TIMEOUT} s (state: '${node_state:-none}')"
  say "running: $(slurm_env sinfo -h -o '%P %D node(s) %c CPUs %m MB %T') (state in $state)"
  cmd_env
}

cmd_env() { echo "export SLURM_CONF=$conf"; }

stop_pid() { # name
  local name="$1" pid
  pid="$(pid_of "$name")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  say "$name ($pid) ignored SIGTERM for 10 s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
}

cmd_stop() {
  if alive slurmctld; then
    local jobs
    jobs="$(slurm_env squeue -h -o %A 2>/dev/null | sort -u || true)"
    if [ -n "$jobs" ]; then
      say "cancelling $(wc -w <<<"$jobs") job(s)"
      # shellcheck disable=SC2086
      slurm_env scancel $jobs 2>/dev/null || true
      for _ in $(seq 60); do
        [ -z "$(slurm_env squeue -h -t all -o %T 2>/dev/null | grep -vE '^(CANCELLED|COMPLETED|FAILED|TIMEOUT|PREEMPTED|OUT_OF_MEMORY|NODE_FAIL|BOOT_FAIL|DEADLINE)$' || true)" ] && break
        sleep 0.5
      done
    fi
  fi
  stop_pid slurmd
  stop_pid slurmctld
  stop_pid munged
  local left
  left="$(cluster_processes)"
  if [ -n "$left" ]; then
    say "killing what is left of this cluster: $(ps -o pid=,args= -p "$(paste -sd, <<<"$left")" | tr '\n' ';')"
    # shellcheck disable=SC2086
    kill -KILL $left 2>/dev/null || true
    sleep 0.5
    left="$(cluster_processes)"
    [ -z "$left" ] || fail "processes of this cluster still running: $left"
  fi
  rm -f "$state"/run/*.pid
  say "stopped; nothing of the cluster in $state is running"
}

cmd_status() {
  local name running=0
  for name in munged slurmctld slurmd; do
    if alive "$name"; then echo "$name: running (pid $(pid_of "$name"))"; running=$((running + 1)); else echo "$name: not running"; fi
  done
  if alive slurmctld; then slurm_env sinfo -N -o '%N %P %c %m %T' || true; fi
  local left
  left="$(cluster_processes)"
  if [ -n "$left" ]; then
    echo "processes of this cluster:"
    ps -o pid=,args= -p "$(paste -sd, <<<"$left")" || true
  else
    echo "no process of this cluster is running"
  fi
  ((running == 3))
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  env) cmd_env ;;
  *) echo "usage: $0 start|stop|status|env   (state folder: \$VREC_SLURM_DIR, now $state)" >&2; exit 2 ;;
esac
